/**
 * What an uploaded file is, read from its bytes (never its name or declared type), and where
 * the image inside it ends. Anything after that end is a second file riding along (a polyglot:
 * an image that is also a ZIP, a JAR, an HTML page), so the upload is refused rather than
 * quietly trimmed. Walks the container structure only: decoding is sharp's job (./inspect.ts).
 */
export type ImageFormat = "png" | "jpeg" | "gif" | "webp";

export const MIME_TYPES: Record<ImageFormat, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

export type Sniffed =
  | { ok: true; format: ImageFormat; end: number }
  | { ok: false; reason: "unsupported" | "truncated"; format?: ImageFormat };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Uint8Array, at: number, text: string) =>
  startsWith(
    buf,
    [...text].map((c) => c.charCodeAt(0)),
    at,
  );
const u32be = (buf: Uint8Array, at: number) =>
  ((buf[at]! << 24) >>> 0) + (buf[at + 1]! << 16) + (buf[at + 2]! << 8) + buf[at + 3]!;
const u16be = (buf: Uint8Array, at: number) => (buf[at]! << 8) + buf[at + 1]!;
const u32le = (buf: Uint8Array, at: number) =>
  buf[at]! + (buf[at + 1]! << 8) + (buf[at + 2]! << 16) + ((buf[at + 3]! << 24) >>> 0);

/** PNG: chunks (length, type, data, CRC) until IEND. */
function pngEnd(buf: Uint8Array): number | null {
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = u32be(buf, at);
    const next = at + 12 + length;
    if (next > buf.length) return null;
    if (ascii(buf, at + 4, "IEND")) return next;
    at = next;
  }
  return null;
}

/** JPEG: marker segments; after each start-of-scan, entropy-coded data up to the next real marker; EOI ends it. */
function jpegEnd(buf: Uint8Array): number | null {
  let at = 2;
  while (at + 2 <= buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return at + 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > buf.length) return null;
    const length = u16be(buf, at + 2);
    if (length < 2) return null;
    at += 2 + length;
    if (marker !== 0xda) continue;
    // Scan data: 0xFF 0x00 is a stuffed byte and 0xFF 0xD0–D7 a restart marker; any other 0xFF xx is the next marker.
    while (at + 1 < buf.length) {
      if (buf[at] === 0xff) {
        const b = buf[at + 1]!;
        if (b !== 0x00 && !(b >= 0xd0 && b <= 0xd7) && b !== 0xff) break;
      }
      at += 1;
    }
    if (at + 1 >= buf.length) return null;
  }
  return null;
}

function skipSubBlocks(buf: Uint8Array, from: number): number | null {
  let at = from;
  while (at < buf.length) {
    const size = buf[at]!;
    at += 1 + size;
    if (size === 0) return at;
  }
  return null;
}

/** GIF: header, screen descriptor, colour table, then image and extension blocks until the trailer (0x3B). */
function gifEnd(buf: Uint8Array): number | null {
  if (buf.length < 13) return null;
  const packed = buf[10]!;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  while (at < buf.length) {
    const block = buf[at]!;
    if (block === 0x3b) return at + 1;
    if (block === 0x21) {
      const end = skipSubBlocks(buf, at + 2);
      if (end === null) return null;
      at = end;
    } else if (block === 0x2c) {
      if (at + 10 > buf.length) return null;
      const local = buf[at + 9]!;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      const end = skipSubBlocks(buf, at + 1); // after the LZW minimum code size
      if (end === null) return null;
      at = end;
    } else {
      return null;
    }
  }
  return null;
}

/** WebP: one RIFF container whose size field says where it ends (padded to an even length). */
function webpEnd(buf: Uint8Array): number | null {
  const end = 8 + u32le(buf, 4);
  return end <= buf.length ? end + (end % 2) : null;
}

export function sniffImage(buf: Uint8Array): Sniffed {
  let format: ImageFormat;
  let end: number | null;
  if (startsWith(buf, PNG_SIGNATURE)) [format, end] = ["png", pngEnd(buf)];
  else if (startsWith(buf, [0xff, 0xd8, 0xff])) [format, end] = ["jpeg", jpegEnd(buf)];
  else if (ascii(buf, 0, "GIF87a") || ascii(buf, 0, "GIF89a")) [format, end] = ["gif", gifEnd(buf)];
  else if (ascii(buf, 0, "RIFF") && ascii(buf, 8, "WEBP")) [format, end] = ["webp", webpEnd(buf)];
  else return { ok: false, reason: "unsupported" };
  return end === null
    ? { ok: false, reason: "truncated", format }
    : { ok: true, format, end: Math.min(end, buf.length) };
}

/** Bytes after the image's end that carry anything (editors sometimes pad with zeros; that is fine). */
export function hasTrailingData(buf: Uint8Array, end: number): boolean {
  for (let i = end; i < buf.length; i++) if (buf[i] !== 0x00 && buf[i] !== 0x0a && buf[i] !== 0x0d) return true;
  return false;
}

/**
 * Active content hidden in metadata (an EXIF comment holding a <script>, a PDF or HTML header):
 * harmless once re-encoded, but a file built to be read as two things is refused. Patterns are
 * long enough that compressed pixel data does not produce them by chance.
 */
const ACTIVE_CONTENT = /<script|<html[\s>]|<!doctype|<\?php\s|<iframe|%PDF-\d\.|<\?xml-stylesheet/i;

export function hasActiveContent(buf: Uint8Array): boolean {
  return ACTIVE_CONTENT.test(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("latin1"));
}

/** A readable name for formats we refuse, for the error message. */
export function describeUnsupported(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 512))
    .toString("latin1")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "SVG";
  if (head.startsWith("%pdf-")) return "PDF";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "HTML";
  if (ascii(buf, 4, "ftyp")) return "HEIC/AVIF";
  if (ascii(buf, 0, "II*\u0000") || ascii(buf, 0, "MM\u0000*")) return "TIFF";
  if (ascii(buf, 0, "BM")) return "BMP";
  return null;
}
