import { kebabSlug } from "./markdown-lines";

/** The shape `ZTemplateSectionInput` accepts for a key. */
export const SECTION_KEY_PATTERN = /^[a-z0-9-]{1,60}$/;
const KEY_MAX = 60;
// Room for a "-99" suffix within KEY_MAX.
const BASE_MAX = KEY_MAX - 4;

/** A key for a new section: the kebab slug of its title, made unique against `taken` (which it joins). */
export function newSectionKey(title: string, taken: Set<string>): string {
  const base = kebabSlug(title).slice(0, BASE_MAX).replace(/-+$/, "") || "section";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/**
 * Keys for a saved list of sections. A section keeps the key it names when that key
 * is one of the template's own (`existing`) and no earlier section in the list
 * claimed it; every other section gets a new key from its title.
 * INVARIANT: a new key is never one of `existing`, so a new section cannot take over
 * the row (and outline) of a removed one.
 */
export function assignSectionKeys<T extends { key?: string; title: string }>(
  sections: readonly T[],
  existing: ReadonlySet<string>,
): (T & { key: string })[] {
  const kept = new Set<string>();
  const keeps = sections.map((s) => {
    if (!s.key || !existing.has(s.key) || kept.has(s.key)) return false;
    kept.add(s.key);
    return true;
  });
  const taken = new Set(existing);
  return sections.map((s, i) => ({ ...s, key: keeps[i] ? s.key! : newSectionKey(s.title, taken) }));
}
