import { describe, expect, it } from "vitest";
import { formatDay, formatWhen, isToday } from "./format-time";

const now = new Date("2026-11-26T15:00:00Z");
const opts = { now, locale: "en-GB", timeZone: "UTC" };

describe("format-time", () => {
  it("shows only the time for today", () => {
    expect(formatWhen("2026-11-26T14:05:00Z", opts)).toBe("14:05");
    expect(isToday("2026-11-26T00:01:00Z", opts)).toBe(true);
  });

  it("adds the day for earlier days, and the year for earlier years", () => {
    expect(formatWhen("2026-11-03T09:30:00Z", opts)).toBe("3 Nov, 9:30");
    expect(formatDay("2025-11-03T09:30:00Z", opts)).toBe("3 Nov 2025");
    expect(isToday("2026-11-25T23:59:00Z", opts)).toBe(false);
  });

  it("uses the reader's zone to decide what today is", () => {
    // 14:00 UTC is 23:00 in Tokyo, where "now" (15:00 UTC) is already the next day.
    expect(isToday("2026-11-26T14:00:00Z", { now, timeZone: "UTC" })).toBe(true);
    expect(isToday("2026-11-26T14:00:00Z", { now, timeZone: "Asia/Tokyo" })).toBe(false);
  });

  it("prints nothing for a broken date", () => {
    expect(formatWhen("not a date", opts)).toBe("");
    expect(formatDay("", opts)).toBe("");
  });
});
