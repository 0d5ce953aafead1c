import { randomFillSync, webcrypto } from "node:crypto";

/**
 * The collaboration process's `crypto.getRandomValues`, served from a pool of the same CSPRNG's bytes refilled 4 KB
 * at a time (as Node's own randomUUID does), each byte handed out once.
 *
 * Why: Yjs names every Y.Doc with a uuid built from 31 separate getRandomValues calls (lib0/random), and Hocuspocus
 * makes a scratch Y.Doc for every awareness message it relays (each cursor move, each presence renewal). One call
 * costs ~35 µs here, one Y.Doc ~1.2 ms: with 1,000 open docs that was ~14 % of the process's CPU, on the event loop
 * the relay shares (bench/collab.mjs with BENCH_CPU_PROF=1, RESULTS.md).
 *
 * INVARIANT: installed before anything loads lib0 (lib0/webcrypto binds the function when it is evaluated), so it is
 * the first import of scripts/collab-server.ts.
 */
const POOL_BYTES = 4096;
/** Larger requests go to the original: the pool is for the many tiny ones. */
const MAX_POOLED = 256;

const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;
const original = webcrypto.getRandomValues.bind(webcrypto);

function pooledRandomValues(array: ArrayBufferView): ArrayBufferView {
  // Not a typed array of integers (Node answers those with its own errors), or a large one: the original.
  if (!ArrayBuffer.isView(array) || array.byteLength > MAX_POOLED || array instanceof DataView)
    return original(array as never);
  if (array instanceof Float32Array || array instanceof Float64Array) return original(array as never);
  const bytes = array.byteLength;
  if (used + bytes > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(new Uint8Array(array.buffer, array.byteOffset, bytes), 0, used, used + bytes);
  // Handed out once: the next caller gets the bytes after these.
  used += bytes;
  return array;
}

webcrypto.getRandomValues = pooledRandomValues as typeof webcrypto.getRandomValues;
