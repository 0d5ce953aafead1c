/**
 * About how tall a section's read view is, before the browser has laid it out. Sections far off screen are skipped
 * (`content-visibility: auto`, app/editor.css) and take this height until drawn. One fixed guess (24rem) was hundreds
 * of pixels off for short and long sections alike, so a jump to a section (the outline, a link to #section) landed
 * where the guesses put it, and then the page moved under the reader as the sections around it were drawn. Rough
 * by design: within a few lines is enough, and once drawn a section keeps its real size (`auto`).
 */
const LINE_PX = 28; // body text: 17px on 1.65
const CHARS_PER_LINE = 80; // the text column at its widest
const BLOCK_GAP_PX = 14;
const CODE_LINE_PX = 21;
const MEDIA_PX = 280; // an image or a diagram, before it has loaded
const EMPTY_PX = 110; // the guidance and "Insert outline"
const MAX_PX = 20_000;

export function estimatedBodyHeight(html: string, isEmpty: boolean): number {
  if (isEmpty) return EMPTY_PX;
  const blocks = html.match(/<(?:p|li|h[1-6]|blockquote|tr|figure|hr|pre)\b/g)?.length ?? 0;
  const code = html.match(/<pre\b[\s\S]*?<\/pre>/g) ?? [];
  const codeLines = code.reduce((n, pre) => n + pre.split("\n").length, 0);
  const text = html.replace(/<pre\b[\s\S]*?<\/pre>/g, "").replace(/<[^>]*>/g, "").length;
  const media = html.match(/<(?:img|svg)\b/g)?.length ?? 0;
  const px =
    Math.ceil(text / CHARS_PER_LINE) * LINE_PX + blocks * BLOCK_GAP_PX + codeLines * CODE_LINE_PX + media * MEDIA_PX;
  return Math.min(MAX_PX, Math.max(EMPTY_PX, Math.round(px)));
}
