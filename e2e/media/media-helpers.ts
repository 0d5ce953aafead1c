import { expect, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { shot as takeShot } from "../fixtures/screens";

/** A PNG of `width` × `height` in one colour (made here; distinct colours give distinct files). */
export async function pngFile(width: number, height: number, color: string) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
  return bytes.toString("base64");
}

export { editorOf, startEditing, statusOf } from "../fixtures/docs";

/** Paste a file the way the system clipboard hands one over (a screenshot, a copied image). */
export async function pasteFile(editor: Locator, base64: string, name: string, type = "image/png") {
  await editor.evaluate(
    (el, { base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64, name, type },
  );
}

/** Drop a file from the desktop onto the editor, at a point inside it (a fraction of its box). */
export async function dropFile(editor: Locator, base64: string, name: string, at = { x: 0.5, y: 0.95 }) {
  await editor.evaluate(
    (el, { base64, name, at }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: "image/png" }));
      const box = el.getBoundingClientRect();
      const point = { clientX: box.left + box.width * at.x, clientY: box.top + box.height * at.y };
      for (const type of ["dragenter", "dragover", "drop"])
        el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, ...point }));
    },
    { base64, name, at },
  );
}

/** Every image under `scope` has finished loading real pixels (a 404 or a refused request leaves naturalWidth 0). */
export async function expectImagesLoaded(scope: Locator, count: number) {
  const images = scope.locator("figure.doc-image img");
  await expect(images).toHaveCount(count);
  // Scrolled to (lazy images load near the screen) and read in one step, found afresh each time: the live
  // read view may put the section's HTML back after hydration, which detaches an element held between two calls.
  for (let i = 0; i < count; i++) {
    await expect
      .poll(() =>
        images.nth(i).evaluate((img: HTMLImageElement) => {
          img.scrollIntoView({ block: "center" });
          return img.complete && img.naturalWidth;
        }),
      )
      .toBeGreaterThan(0);
  }
}

/** Keep screenshots where a person looks at them (test-results/screens/media-*.png). */
export const shot = (page: Page, name: string) => takeShot(page, `test-results/screens/media-${name}.png`);
