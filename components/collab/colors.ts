// Caret and avatar-ring colours: -600 shades, readable as text on white and as a caret line.
const CARET_COLORS = [
  "#4f46e5",
  "#0284c7",
  "#0891b2",
  "#0d9488",
  "#059669",
  "#65a30d",
  "#d97706",
  "#ea580c",
  "#e11d48",
  "#c026d3",
  "#7c3aed",
  "#2563eb",
] as const;

/** FNV-1a over the normalised name (as the avatars do): the same person gets the same colour on every screen. */
export function colorFor(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return CARET_COLORS[(hash >>> 0) % CARET_COLORS.length] ?? CARET_COLORS[0];
}
