/**
 * One step of bench/export-archive.mjs, in a process of its own so each read's memory is its own.
 * `seed`: a workspace with EXPORT_DOCS docs of EXPORT_IMAGES noise PNGs (incompressible, ~0.5 MB each).
 * `streamed` / `buffered`: export it and report peak memory above the idle level, archive bytes, time.
 */
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import sharp from "sharp";
import { db } from "@/lib/db";
import { uploadDocImage } from "@/lib/media/upload";
import { exportWorkspaceArchive } from "@/lib/workspaces/export-archive";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";

const mode = process.argv[2];
const docs = Number(process.env.EXPORT_DOCS);
const images = Number(process.env.EXPORT_IMAGES);

async function seed() {
  const owner = await createUser({ name: "Bench Owner" });
  let uploader = owner.actor;
  for (let d = 0; d < docs; d++) {
    // Uploads are rate-limited per person (120 per 10 minutes): a teammate takes over every 20 docs.
    if (d > 0 && d % 20 === 0) uploader = (await createMember(owner.workspace.id, "MEMBER", `Uploader ${d}`)).actor;
    const doc = await createTestDoc(owner.actor, owner.workspace.id, {
      title: `Bench doc ${d}`,
      sections: { "design-overview": `Doc ${d}. `.repeat(200) },
    });
    for (let i = 0; i < images; i++) {
      const raw = Buffer.alloc(400 * 400 * 3);
      for (let j = 0; j < raw.length; j++) raw[j] = (Math.random() * 256) | 0;
      const bytes = await sharp(raw, { raw: { width: 400, height: 400, channels: 3 } })
        .png()
        .toBuffer();
      await uploadDocImage(uploader, doc.id, { bytes, fileName: `noise-${d}-${i}.png` });
    }
  }
  return { workspaceId: owner.workspace.id, ownerId: owner.actor.id };
}

async function read(buffered: boolean) {
  const owner = await db.user.findUniqueOrThrow({ where: { id: process.env.EXPORT_OWNER! } });
  const actor = { id: owner.id, name: owner.name, email: owner.email };
  // Warm-up: the first export loads modules and builds schemas; only the second one is measured.
  const warm = await exportWorkspaceArchive(actor, process.env.EXPORT_WORKSPACE!);
  const reader = warm.stream.getReader();
  for (let i = 0; i < 4; i++) await reader.read();
  await reader.cancel();
  global.gc?.();
  const idle = process.memoryUsage();
  let peakRss = 0;
  let peakBuffers = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss - idle.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers - idle.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  const { stream } = await exportWorkspaceArchive(actor, process.env.EXPORT_WORKSPACE!);
  let bytes = 0;
  if (buffered) {
    bytes = (await new Response(stream).arrayBuffer()).byteLength;
    sample();
  } else {
    const file = path.join(tmpdir(), `export-bench-${process.pid}.zip`);
    const counted = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>).on("data", (c: Buffer) => {
      bytes += c.length;
      sample();
    });
    await pipeline(counted, createWriteStream(file));
    await unlink(file);
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  return { peakRss, peakBuffers, bytes, ms };
}

const result = mode === "seed" ? await seed() : await read(mode === "buffered");
console.log(JSON.stringify(result));
await db.$disconnect();
process.exit(0);
