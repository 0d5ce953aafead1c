// React's own decoder for server-action arguments (the one Next runs before an action), in a worker thread started
// with the "react-server" condition it needs. lib/hardening/action-bodies.hardening.test.ts posts a body
// ({ id, text } or { id, fields: [name, value][] }) and gets { id, ok: true } or { id, ok: false, error }.
import { parentPort } from "node:worker_threads";
import { createRequire } from "node:module";

const { createTemporaryReferenceSet, decodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/server.node.js",
);

parentPort.on("message", async ({ id, text, fields }) => {
  let body = text;
  if (fields) {
    body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
  }
  try {
    await decodeReply(body, {}, { temporaryReferences: createTemporaryReferenceSet() });
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error?.message ?? error).slice(0, 200) });
  }
});
