import "server-only";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import type { PlanOptions } from "./plan";
import type { ReadyContent, ReadyPlan } from "./ready";
import type { MarkdownReply, MarkdownTask } from "./tasks";

/**
 * Untrusted Markdown is parsed off the request thread: a worker with a time
 * limit, a memory limit and a bounded queue, so no request can hold the event
 * loop (issue 13: 1 MB of "[" once froze the server for half an hour). Size is
 * the caller's limit (MARKDOWN_IMPORT_MAX_BYTES); time and memory are here.
 */
export const MARKDOWN_TIME_LIMIT_MS = 30_000;
const STARTUP_LIMIT_MS = 60_000;
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
const MAX_QUEUED = 16;
const MEMORY_MB = 512;
// Outside Next (vitest, the seed, benches run the TypeScript source) the worker starts through tsx's
// loader; inside, Next bundles ./worker.ts from the `new Worker(new URL(…))` below. (import.meta.url
// cannot tell: the bundler rewrites it to the source file's URL.)
const FROM_SOURCE = !process.env.NEXT_RUNTIME;
const TSX_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const load = require("node:module").createRequire(process.cwd() + "/");
load("tsx/cjs");
load(workerData.entry);
`;

type Job = { task: MarkdownTask; resolve: (r: MarkdownReply) => void; reject: (e: unknown) => void };
/** `ready`: the worker has loaded its code (the parser, the schema, the grammars) and said so. */
type Slot = { worker: Worker; busy: boolean; ready: boolean };

const idle: Slot[] = [];
const queue: Job[] = [];
let running = 0;
let nextId = 1;

function spawn(): Slot {
  const resourceLimits = { maxOldGenerationSizeMb: MEMORY_MB };
  const worker = FROM_SOURCE
    ? new Worker(TSX_BOOTSTRAP, {
        eval: true,
        workerData: { entry: fileURLToPath(new URL("./worker.ts", import.meta.url)) },
        resourceLimits,
      })
    : new Worker(new URL("./worker.ts", import.meta.url), { resourceLimits });
  worker.unref();
  const slot: Slot = { worker, busy: false, ready: false };
  // An idle worker that dies is forgotten, never handed a task it cannot answer.
  worker.once("exit", () => {
    const at = idle.indexOf(slot);
    if (at !== -1) idle.splice(at, 1);
  });
  return slot;
}

function runOn(slot: Slot, job: Job): void {
  const id = nextId++;
  running++;
  slot.busy = true;
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (keep: boolean) => {
    settled = true;
    clearTimeout(timer);
    slot.worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    running--;
    slot.busy = false;
    if (keep && idle.length < MAX_WORKERS) idle.push(slot);
    else void slot.worker.terminate();
    pump();
  };
  const onMessage = (message: { id?: number; ready?: boolean; reply?: MarkdownReply }) => {
    if (message.ready) return startClock(MARKDOWN_TIME_LIMIT_MS);
    if (message.id !== id || settled || !message.reply) return;
    finish(true);
    job.resolve(message.reply);
  };
  const onError = (error: Error) => {
    if (settled) return;
    finish(false);
    // ERR_WORKER_OUT_OF_MEMORY: the input built more than the memory limit allows.
    const oom = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
    if (!oom) logError("markdown worker failed", error);
    job.resolve({ ok: false, message: "The file is too complex to import", line: null, expected: oom });
  };
  const onExit = () => onError(new Error("markdown worker exited"));
  // The limit is the file's: it starts when the worker is ready, not while a new one loads its code.
  const startClock = (ms: number, starting = false) => {
    slot.ready ||= !starting;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (settled) return;
      finish(false);
      job.reject(
        starting
          ? new AppError("UNAVAILABLE", "The importer is starting. Try again in a moment.")
          : new AppError(
              "INVALID_INPUT",
              "Reading this file took too long. Split it into smaller files and import them.",
            ),
      );
    }, ms);
  };
  startClock(slot.ready ? MARKDOWN_TIME_LIMIT_MS : STARTUP_LIMIT_MS, !slot.ready);
  slot.worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  slot.worker.postMessage({ id, task: job.task });
}

function pump(): void {
  while (queue.length && running < MAX_WORKERS) runOn(idle.pop() ?? spawn(), queue.shift()!);
}

function submit(task: MarkdownTask): Promise<MarkdownReply> {
  if (queue.length >= MAX_QUEUED)
    return Promise.reject(new AppError("UNAVAILABLE", "Too many files are being imported right now. Try again soon."));
  return new Promise((resolve, reject) => {
    queue.push({ task, resolve, reject });
    pump();
  });
}

function failure(reply: Extract<MarkdownReply, { ok: false }>): AppError {
  const where = reply.line ? ` (line ${reply.line})` : "";
  return new AppError("INVALID_INPUT", `${reply.message}${where}.`);
}

/**
 * Markdown → one section's content (paste, API bodies), in the worker: validated
 * Tiptap JSON (`doc`), its plain text and its HTML. 422 with a plain message when
 * the text cannot be a section (too large, nested too deeply, too slow to read).
 */
export async function convertMarkdown(markdown: string): Promise<ReadyContent> {
  const reply = await submit({ kind: "content", markdown });
  if (!reply.ok) throw failure(reply);
  if (reply.result.kind !== "content") throw new Error("markdown worker answered the wrong task");
  return reply.result.content;
}

/** Markdown → the validated, rendered sections of a new doc, in the worker. */
export async function planMarkdownImport(markdown: string, options: PlanOptions): Promise<ReadyPlan> {
  const reply = await submit({ kind: "plan", markdown, options });
  if (!reply.ok) throw failure(reply);
  if (reply.result.kind !== "plan") throw new Error("markdown worker answered the wrong task");
  return reply.result.plan;
}
