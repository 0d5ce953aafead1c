import { MEDIA_PREFIX } from "@/lib/editor/image-src";

/**
 * Section HTML as one page shows it (the renderer's output is per section and cached per version):
 * - on a share page, uploaded images point at the link's own image route, so they load without an
 *   account and stop with the link (`/s/<token>/media/<id>`);
 * - the page's first image loads at once with high priority (it may be what paints largest); the
 *   others stay lazy, fetched as the reader scrolls near them.
 * INVARIANT: the renderer escapes text, so `src="/media/` and `loading="lazy"` only ever occur in its own tags.
 */
export function imagesForPage<T extends { html: string }>(
  sections: readonly T[],
  opts: { shareToken?: string } = {},
): T[] {
  let first = true;
  return sections.map((section) => {
    let html = section.html;
    if (opts.shareToken && /^[A-Za-z0-9_-]+$/.test(opts.shareToken))
      html = html.replaceAll(`src="${MEDIA_PREFIX}`, `src="/s/${opts.shareToken}${MEDIA_PREFIX}`);
    if (first && html.includes('loading="lazy"')) {
      html = html.replace('loading="lazy"', 'loading="eager" fetchpriority="high"');
      first = false;
    }
    return html === section.html ? section : { ...section, html };
  });
}
