import { describe, expect, it } from "vitest";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { imagesForPage } from "./page-images";

const image = (src: string) =>
  renderDocToHTML({ type: "doc", content: [{ type: "image", attrs: { src, width: 10, height: 10 } }] });

describe("imagesForPage", () => {
  const sections = [
    { key: "a", html: "<p>No images; the text says src=&quot;/media/x&quot; loading=&quot;lazy&quot;</p>" },
    { key: "b", html: image("/media/one") + image("/media/two") },
    { key: "c", html: image("/media/three") },
  ];

  it("loads the page's first image at once and leaves the others lazy", () => {
    const [a, b, c] = imagesForPage(sections);
    expect(a).toBe(sections[0]);
    expect(b!.html.match(/loading="eager" fetchpriority="high"/g)).toHaveLength(1);
    expect(b!.html.indexOf('loading="eager"')).toBeLessThan(b!.html.indexOf('src="/media/two"'));
    expect(c!.html).toContain('loading="lazy"');
  });

  it("points a share page's images at the link's own image route", () => {
    const token = "AbC_d-123";
    const out = imagesForPage(sections, { shareToken: token })
      .map((s) => s.html)
      .join("");
    expect(out.match(/src="\/s\/AbC_d-123\/media\/(one|two|three)"/g)).toHaveLength(3);
    expect(out).not.toMatch(/src="\/media\//);
    expect(out).toContain("src=&quot;/media/x&quot;");
  });
});
