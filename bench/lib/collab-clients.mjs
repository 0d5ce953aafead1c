// Node collaborators for the live co-editing benches (bench/collab.mjs, bench/collab-keystroke.mjs):
// @hocuspocus/provider over ws, typing into a section's Y.XmlFragment as Tiptap's binding would.
import { spawn } from "node:child_process";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { percentile } from "./report.mjs";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The bare relay, no hooks (the floor): `node --input-type=module -e RAW_SERVER` with PORT set. */
export const RAW_SERVER = `
  const { Server } = await import("@hocuspocus/server");
  const server = new Server({ port: Number(process.env.PORT), address: "127.0.0.1", quiet: true });
  await server.listen();
`;

/** A server process of its own, resolved once it answers HTTP on `port`. */
export async function startProcess(args, { env, port, cwd }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ").slice(0, 80)} exited (${child.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await sleep(200);
  }
  child.kill("SIGTERM");
  throw new Error("server did not start");
}

/** One collaborator on `docName`; `token` is a string or a function returning one (fetched again on reconnect). */
export function connect(url, docName, token) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, token });
  provider.attach();
  return { doc, provider, socket, destroy: () => (provider.destroy(), socket.destroy()) };
}

export async function synced(clients, ms = 300_000) {
  const end = Date.now() + ms;
  while (Date.now() < end && !clients.every((c) => c.provider.isSynced)) await sleep(100);
  if (!clients.every((c) => c.provider.isSynced)) throw new Error("providers did not sync");
}

/**
 * Append a word to this client's own paragraph of section `key` (made at the top of the section on its first
 * word), so writers never type into each other's text, a heading or a list.
 */
export function typeWord(client, key, word) {
  const own = (client.paragraphs ??= new Map());
  const fragment = client.doc.getXmlFragment(key);
  client.doc.transact(() => {
    let text = own.get(key);
    if (!text) {
      const paragraph = new Y.XmlElement("paragraph");
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(0, [paragraph]);
      own.set(key, text);
    }
    text.insert(text.length, ` ${word}`);
  });
}

/**
 * `count` writers on `docName`, each typing a word every `everyMs` into sections round-robin (`keys`), started
 * evenly over one period. Resolves once all have synced; `stop()` ends the typing and closes them.
 */
export async function startWriters({ url, docName, token, keys, count, everyMs = 250 }) {
  const writers = Array.from({ length: count }, () => connect(url, docName, token));
  await synced(writers);
  let stop = false;
  let edits = 0;
  const typing = writers.map(async (w, i) => {
    await sleep((i * everyMs) / count);
    for (let n = 0; !stop; n++) {
      typeWord(w, keys[i % keys.length], `w${i}n${n}`);
      edits++;
      await sleep(everyMs);
    }
  });
  return {
    edits: () => edits,
    async stop() {
      stop = true;
      await Promise.all(typing);
      writers.forEach((w) => w.destroy());
    },
  };
}

/** Latency from `from` typing a word to `to` seeing it, `samples` times, one at a time. */
export async function probe(from, to, key, samples) {
  const times = [];
  const text = to.doc.getXmlFragment(key);
  for (let i = 0; i < samples; i++) {
    const word = `probe${i}x${Math.random().toString(36).slice(2, 7)}`;
    const seen = new Promise((resolve) => {
      const check = () => {
        if (text.toString().includes(word)) {
          text.unobserveDeep(check);
          resolve(performance.now());
        }
      };
      text.observeDeep(check);
    });
    const started = performance.now();
    typeWord(from, key, word);
    times.push((await seen) - started);
    await sleep(50);
  }
  return times.sort((a, b) => a - b);
}

/** A Node probe pair on `docName` while `writers` others type into the same section: keystroke → other, ms. */
export async function relayWithWriters({ url, docName, token, key, writers, samples = 200 }) {
  const typing = await startWriters({ url, docName, token, keys: [key], count: writers });
  const pair = [connect(url, docName, token), connect(url, docName, token)];
  try {
    await synced(pair);
    await sleep(1_000);
    const times = await probe(pair[0], pair[1], key, samples);
    return { p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length };
  } finally {
    await typing.stop();
    pair.forEach((c) => c.destroy());
  }
}
