import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  HTML_PAGE,
  makeAnimatedGif,
  makeGif,
  makeHugePng,
  makeJpegWithGps,
  makeJpegWithScriptComment,
  makePng,
  makePngClaiming,
  makePngZipPolyglot,
  makeWebp,
  SVG_WITH_SCRIPT,
  truncate,
} from "./fixtures";
import { inspectImage } from "./inspect";
import { sniffImage } from "./sniff";

async function refusal(file: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await inspectImage(file);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("inspectImage accepts the four formats, by content", () => {
  it.each([
    ["PNG", makePng, "image/png", 64, 48],
    ["WebP", makeWebp, "image/webp", 64, 48],
    ["GIF", makeGif, "image/gif", 32, 24],
  ] as const)("reads a %s's type and size", async (_name, make, mimeType, width, height) => {
    const clean = await inspectImage(await make());
    expect(clean).toMatchObject({ mimeType, width, height });
    expect(clean.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(clean.byteSize).toBe(clean.data.byteLength);
  });

  it("strips a phone photo's GPS position and turns it upright", async () => {
    const photo = await makeJpegWithGps(80, 40);
    expect((await sharp(photo).metadata()).exif?.toString("latin1")).toContain("Phonemaker");
    const clean = await inspectImage(photo);
    const meta = await sharp(clean.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(clean.data.toString("latin1")).not.toContain("Phonemaker");
    // Orientation 6 means "rotate 90°": stored 80 × 40, seen 40 × 80.
    expect([clean.width, clean.height, meta.width, meta.height]).toEqual([40, 80, 40, 80]);
  });

  it("keeps an animation's frames", async () => {
    const clean = await inspectImage(await makeAnimatedGif());
    expect(clean).toMatchObject({ mimeType: "image/gif", width: 16, height: 16 });
    expect((await sharp(clean.data, { animated: true }).metadata()).pages).toBe(2);
  });

  it("gives the same bytes (and hash) for the same upload", async () => {
    const file = await makePng(30, 30);
    const [a, b] = await Promise.all([inspectImage(file), inspectImage(file)]);
    expect(a.sha256).toBe(b.sha256);
  });
});

describe("inspectImage refuses what is not a plain image", () => {
  it("refuses an SVG (it can carry script), naming it", async () => {
    expect(await refusal(SVG_WITH_SCRIPT)).toEqual({
      code: "INVALID_INPUT",
      message: "SVG files cannot be uploaded. Only PNG, JPEG, GIF and WebP images can be uploaded.",
    });
  });

  it("refuses an HTML page whatever it is called", async () => {
    expect((await refusal(HTML_PAGE)).message).toMatch(/^HTML files cannot be uploaded/);
  });

  it("refuses a PNG that is also a ZIP", async () => {
    expect((await refusal(await makePngZipPolyglot())).message).toMatch(/holds more than an image/);
  });

  it("refuses a JPEG with a script in its comment", async () => {
    expect((await refusal(await makeJpegWithScriptComment())).message).toMatch(/holds more than an image/);
  });

  it.each([
    ["PNG", makePng],
    ["JPEG", () => makeJpegWithGps(200, 200)],
    ["GIF", makeGif],
    ["WebP", makeWebp],
  ] as const)("refuses a truncated %s", async (_name, make) => {
    const { code, message } = await refusal(truncate(await make(), 0.6));
    expect(code).toBe("INVALID_INPUT");
    expect(message).toMatch(/damaged or incomplete/);
  });

  it("refuses a decompression bomb from its header, without decoding it", async () => {
    const bomb = await makePngClaiming(60_000, 60_000);
    expect(bomb.byteLength).toBeLessThan(200);
    // The refusal names the header's size: it was read before any pixel was decoded.
    expect((await refusal(bomb)).message).toBe(
      "This image is 60000 × 60000 pixels; images may have up to 40 megapixels.",
    );
  });

  it("answers 413 for a file over 10 MB", async () => {
    const huge = await makeHugePng();
    expect(huge.byteLength).toBeGreaterThan(10 * 1024 * 1024);
    expect(await refusal(huge)).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "This image is larger than 10 MB. Make it smaller (or save it as JPEG or WebP) and upload it again.",
    });
  });

  it("refuses an empty file", async () => {
    expect((await refusal(new Uint8Array())).message).toBe("The file is empty.");
  });
});

describe("sniffImage", () => {
  it("finds where each format ends", async () => {
    for (const file of [await makePng(), await makeJpegWithGps(), await makeGif(), await makeWebp()]) {
      expect(sniffImage(file)).toMatchObject({ ok: true, end: file.byteLength });
    }
  });
});
