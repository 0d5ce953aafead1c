/** "Payments: v2 API!" → "payments-v2-api" (ASCII, lower case, at most `max` characters). */
export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return slug;
}

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A short random suffix without look-alike characters, so slugs stay unique and readable. */
export function randomSuffix(length = 5): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}
