/**
 * Hostile files for the image upload (lib/media): the fixtures' polyglots, bombs, SVGs and
 * truncated images, real images with bytes flipped (the decoders get fuzzed too), random bytes
 * behind each format's magic number, and a file one byte over the limit. Made once per run.
 */
import fc from "fast-check";
import {
  HTML_PAGE,
  makeGif,
  makeJpegWithGps,
  makeJpegWithScriptComment,
  makePng,
  makePngClaiming,
  makePngZipPolyglot,
  makeWebp,
  SVG_WITH_SCRIPT,
  truncate,
} from "@/lib/media/fixtures";
import { MAX_IMAGE_BYTES } from "@/lib/media/limits";

export async function makeImageBodies(): Promise<{ valid: Uint8Array[]; hostile: Uint8Array[] }> {
  const valid = [await makePng(), await makeJpegWithGps(), await makeGif(), await makeWebp()];
  const hostile = [
    SVG_WITH_SCRIPT,
    HTML_PAGE,
    await makePngZipPolyglot(),
    await makeJpegWithScriptComment(),
    await makePngClaiming(70_000, 70_000),
    await makePngClaiming(0, 10),
    ...valid.map((file) => truncate(file, 0.7)),
    Buffer.concat([valid[0]!, Buffer.alloc(MAX_IMAGE_BYTES + 1 - valid[0]!.length)]),
  ];
  return { valid, hostile };
}

const MAGIC = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff, 0xe0],
  [...Buffer.from("GIF89a")],
  [...Buffer.from("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ", "latin1")],
];

/** An upload body: a hostile file, a valid one with some bytes changed, or noise behind a magic number. */
export function imageBodyArb(files: { valid: Uint8Array[]; hostile: Uint8Array[] }): fc.Arbitrary<Uint8Array> {
  const flipped = fc
    .tuple(
      fc.constantFrom(...files.valid),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    )
    .map(([file, flips]) => {
      const copy = Uint8Array.from(file);
      for (const [at, byte] of flips) copy[16 + (at % Math.max(1, copy.length - 16))] = byte;
      return copy;
    });
  const noise = fc
    .tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 2048 }))
    .map(([magic, rest]) => Uint8Array.from([...magic, ...rest]));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...files.hostile), weight: 4 },
    { arbitrary: flipped, weight: 4 },
    { arbitrary: noise, weight: 2 },
    { arbitrary: fc.constantFrom(...files.valid), weight: 1 },
  );
}
