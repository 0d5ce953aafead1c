import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

type Chunk = Uint8Array | string;

export type ZipEntry = {
  /** Path inside the archive, `/`-separated. */
  name: string;
  /** The bytes, or chunks of them read one at a time (a long file never sits in memory whole). */
  data: Chunk | AsyncIterable<Chunk>;
  /** Deflate it (text); images are compressed already and are stored as they are. */
  compress?: boolean;
};

const encoder = new TextEncoder();
const bytesOf = (chunk: Chunk) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk);

/** Every entry as steps: each step writes one chunk into the archive. */
async function* steps(zip: Zip, entries: AsyncIterable<ZipEntry>): AsyncGenerator<void> {
  for await (const { name, data, compress = true } of entries) {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    if (typeof data === "string" || data instanceof Uint8Array) {
      file.push(bytesOf(data), true);
      yield;
      continue;
    }
    for await (const chunk of data) {
      file.push(bytesOf(chunk));
      yield;
    }
    file.push(new Uint8Array(0), true);
    yield;
  }
  zip.end();
}

/**
 * A zip archive as a byte stream, built as the reader pulls: only the chunk being written (and the small central
 * directory) is in memory, so a large workspace never sits in memory whole. Entries come from an async iterator that
 * loads each one when it is asked for.
 *
 * INVARIANT: no zip64, so the archive must stay under 4 GiB (callers check what they add up front).
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const writer = steps(zip, entries);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A step may write nothing yet (deflate holds small chunks back); a pull that enqueues nothing is not
        // called again, so step on until something is written or the archive is done.
        for (;;) {
          const { done } = await writer.next();
          if (failure) throw failure;
          const written = pending.length > 0;
          for (const chunk of pending) controller.enqueue(chunk);
          pending = [];
          if (done) return controller.close();
          if (written) return;
        }
      },
      async cancel() {
        zip.terminate();
        await writer.return(undefined);
      },
    },
    // Pull the next step only once the reader took what the last one wrote.
    { highWaterMark: 1, size: () => 1 },
  );
}
