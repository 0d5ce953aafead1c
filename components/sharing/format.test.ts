import { describe, expect, it } from "vitest";
import { describeExpiry, describeUse, formatDistance } from "./format";

const NOW = Date.parse("2026-11-26T12:00:00Z");
const DAY = 86_400_000;

describe("share link wording", () => {
  it("speaks of past and future times", () => {
    expect(formatDistance(new Date(NOW + 7 * DAY).toISOString(), NOW)).toBe("in 7 days");
    expect(formatDistance(new Date(NOW - 2 * 3600_000).toISOString(), NOW)).toBe("2 hours ago");
    expect(formatDistance(new Date(NOW - 10_000).toISOString(), NOW)).toBe("just now");
  });

  it("describes expiry, revocation and use", () => {
    expect(describeExpiry({ expiresAt: null, revokedAt: null, state: "active" }, NOW)).toBe("Never expires");
    expect(
      describeExpiry({ expiresAt: new Date(NOW + 30 * DAY).toISOString(), revokedAt: null, state: "active" }, NOW),
    ).toBe("Expires in 30 days");
    expect(
      describeExpiry({ expiresAt: new Date(NOW - DAY).toISOString(), revokedAt: null, state: "expired" }, NOW),
    ).toBe("Expired yesterday");
    expect(
      describeExpiry({ expiresAt: null, revokedAt: new Date(NOW - 60_000 * 5).toISOString(), state: "revoked" }, NOW),
    ).toBe("Revoked 5 minutes ago");
    expect(describeUse({ useCount: 0, lastUsedAt: null }, NOW)).toBe("Not opened yet");
    expect(describeUse({ useCount: 3, lastUsedAt: new Date(NOW - 3600_000).toISOString() }, NOW)).toBe(
      "Opened 3 times, last 1 hour ago",
    );
  });
});
