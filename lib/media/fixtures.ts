/**
 * Image files for tests, made here (never copied from elsewhere): real encodings from sharp,
 * and hostile variants built byte by byte. Used by unit, db and hardening tests.
 */
import { crc32 } from "node:zlib";
import sharp from "sharp";

type Color = { r: number; g: number; b: number };
const TEAL: Color = { r: 20, g: 140, b: 130 };

function canvas(width: number, height: number, background: Color = TEAL) {
  return sharp({ create: { width, height, channels: 3, background } });
}

export const makePng = (width = 64, height = 48, background?: Color) =>
  canvas(width, height, background).png().toBuffer();
export const makeWebp = (width = 64, height = 48) => canvas(width, height).webp().toBuffer();
export const makeGif = (width = 32, height = 24) => canvas(width, height).gif().toBuffer();

/** A JPEG as a phone writes it: EXIF with a GPS position and an orientation of 6 (stored sideways). */
export function makeJpegWithGps(width = 80, height = 40): Promise<Buffer> {
  return canvas(width, height)
    .jpeg()
    .withExif({
      IFD0: { Make: "Phonemaker", Model: "Pocket 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A two-frame GIF (an animation). */
export async function makeAnimatedGif(): Promise<Buffer> {
  const frame = await canvas(16, 16).raw().toBuffer();
  const other = await canvas(16, 16, { r: 200, g: 40, b: 40 }).raw().toBuffer();
  return sharp(Buffer.concat([frame, other]), { raw: { width: 16, height: 32, channels: 3, pageHeight: 16 } })
    .gif({ delay: [100, 100], loop: 0 })
    .toBuffer();
}

/** A PNG whose header claims `width` × `height` (CRC fixed up): a decompression bomb's front door. */
export async function makePngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await makePng(8, 8));
  // IHDR data starts after the signature (8), length (4) and type (4).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A real PNG with a ZIP archive appended (an image that is also an archive). */
export async function makePngZipPolyglot(): Promise<Buffer> {
  const zipEnd = Buffer.from("504b0506000000000000000000000000000000000000", "hex");
  const entry = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000", "latin1"), Buffer.from("payload.html")]);
  return Buffer.concat([await makePng(), entry, zipEnd]);
}

/** A JPEG whose comment segment holds an HTML page with a script. */
export async function makeJpegWithScriptComment(): Promise<Buffer> {
  const jpeg = await canvas(32, 32).jpeg().toBuffer();
  const text = Buffer.from("<html><script>alert(document.cookie)</script></html>", "latin1");
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    "<script>alert(1)</script><rect width='10' height='10'/></svg>",
);

export const HTML_PAGE = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");

/** The first part of an image, as if the copy stopped halfway. */
export const truncate = (file: Buffer, keep = 0.5) => file.subarray(0, Math.floor(file.length * keep));

/** A real PNG over 10 MB: noise does not compress. */
export function makeHugePng(): Promise<Buffer> {
  const side = 2100;
  const noise = Buffer.alloc(side * side * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}
