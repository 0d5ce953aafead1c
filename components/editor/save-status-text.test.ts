import { describe, expect, it } from "vitest";
import { describeSaveStatus } from "./save-status-text";

const now = new Date();

describe("describeSaveStatus", () => {
  it("says what happens to the writer's text in each state", () => {
    expect(describeSaveStatus({ kind: "saving" }, { draftsKept: true, now }).text).toBe("Saving…");
    expect(
      describeSaveStatus({ kind: "saved", at: now.toISOString(), by: null }, { draftsKept: true, now }).text,
    ).toMatch(/^Saved at \d/);
    expect(describeSaveStatus({ kind: "offline", attempt: 1, retryInMs: 2000 }, { draftsKept: true, now }).text).toBe(
      "Offline — your changes are kept on this device",
    );
    expect(
      describeSaveStatus(
        { kind: "failed", reason: "invalid", message: "Content is too large" },
        { draftsKept: true, now },
      ).text,
    ).toBe("Not saved: Content is too large");
  });

  it("does not promise a local copy when the device refused to keep one", () => {
    expect(describeSaveStatus({ kind: "offline", attempt: 1, retryInMs: 2000 }, { draftsKept: false, now }).text).toBe(
      "Offline — keep this tab open, retrying",
    );
  });

  it("keeps per-keystroke states out of the screen reader's way", () => {
    expect(describeSaveStatus({ kind: "pending" }, { draftsKept: true, now }).announce).toBe(false);
  });

  it("names who saved the newer version in a conflict", () => {
    const current = {
      version: 3,
      content: { type: "doc" },
      html: "",
      updatedAt: now.toISOString(),
      updatedBy: { id: "u", name: "Ada" },
    };
    expect(describeSaveStatus({ kind: "conflict", message: "x", current }, { draftsKept: true, now }).text).toBe(
      "Not saved: Ada saved a newer version",
    );
  });
});
