import { parentPort } from "node:worker_threads";
import { runMarkdownTask, type MarkdownTask } from "./tasks";

/** The parser's thread: one task at a time, answered by id. Its host (./run.ts) owns the limits. */
parentPort?.on("message", (message: { id: number; task: MarkdownTask }) => {
  parentPort!.postMessage({ id: message.id, reply: runMarkdownTask(message.task) });
});
// Everything is loaded: the host starts a task's clock from here.
parentPort?.postMessage({ ready: true });
