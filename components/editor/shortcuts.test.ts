import { describe, expect, it } from "vitest";
import { ariaKeyShortcut, formatShortcut } from "./shortcuts";

describe("shortcuts", () => {
  it("prints Tiptap shortcuts for people", () => {
    expect(formatShortcut("Mod-b", false)).toBe("Ctrl+B");
    expect(formatShortcut("Mod-Shift-s", false)).toBe("Ctrl+Shift+S");
    expect(formatShortcut("Mod-Alt-3", true)).toBe("⌘⌥3");
  });

  it("prints them for aria-keyshortcuts", () => {
    expect(ariaKeyShortcut("Mod-Shift-8", false)).toBe("Control+Shift+8");
    expect(ariaKeyShortcut("Mod-k", true)).toBe("Meta+K");
  });
});
