/**
 * Shortcuts are written Tiptap-style ("Mod-Shift-s"). This prints them for
 * tooltips ("⌘⇧S" on Apple devices, "Ctrl+Shift+S" elsewhere) and for
 * aria-keyshortcuts ("Meta+Shift+S" / "Control+Shift+S").
 */
export type Shortcut = string;

export function isApplePlatform(): boolean {
  if (typeof navigator === "undefined") return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    "";
  return /mac|iphone|ipad|ipod/i.test(platform);
}

const APPLE: Record<string, string> = { Mod: "⌘", Alt: "⌥", Shift: "⇧", Ctrl: "⌃" };

export function formatShortcut(shortcut: Shortcut, apple: boolean): string {
  const parts = shortcut.split("-").map((part) => (part.length === 1 ? part.toUpperCase() : part));
  if (apple) return parts.map((p) => APPLE[p] ?? p).join("");
  return parts.map((p) => (p === "Mod" ? "Ctrl" : p)).join("+");
}

export function ariaKeyShortcut(shortcut: Shortcut, apple: boolean): string {
  return shortcut
    .split("-")
    .map((part) =>
      part === "Mod"
        ? apple
          ? "Meta"
          : "Control"
        : part === "Ctrl"
          ? "Control"
          : part.length === 1
            ? part.toUpperCase()
            : part,
    )
    .join("+");
}
