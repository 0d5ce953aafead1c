/**
 * Heading anchors as GitHub makes them ("Risks & Mitigation" → "risks--mitigation",
 * the second "Goals" → "goals-1"), so the in-page links and tables of contents that
 * imported docs already carry keep pointing where they pointed.
 */
export function githubSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** One per document: the same text gets "-1", "-2"… after its first use, as on GitHub. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) slug = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(slug, 0);
    return slug;
  }
}

/** What a heading id may hold: it ends up in an `id` attribute and in `#` links. */
export const HEADING_ID_PATTERN = /^[\p{L}\p{M}\p{N}_-]{1,100}$/u;
