/**
 * Names people read — of users, docs, workspaces, templates and their sections, share
 * links, guests — are shown next to each other and trusted by how they look. Some
 * characters change how the text around them looks without showing themselves:
 * bidirectional overrides and isolates (U+202E turns "gnp.exe" into what reads as
 * "exe.png"), zero-width spaces and joiners (so "Admin" and "Ad\u200Bmin" differ while
 * looking alike), invisible fillers, tag characters that smuggle hidden text, and
 * control characters. They are removed from names; whitespace runs become one space.
 * Section text is left alone: writing it is what the editor is for.
 *
 * Client-safe (no imports): the forms and zod schemas use it.
 */
const INVISIBLE = new RegExp(
  [
    "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]", // control characters (tab and newlines: below)
    "[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\uffa0]", // soft hyphen, fillers, marks
    "[\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]", // zero-width, bidi, invisible operators
    "[\\u{e0000}-\\u{e007f}]", // tag characters
  ].join("|"),
  "gu",
);

/** `value` without invisible and direction-changing characters, whitespace runs as one space, trimmed. */
export function cleanName(value: string): string {
  return value.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}
