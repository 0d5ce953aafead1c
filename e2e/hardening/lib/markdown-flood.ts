/**
 * Issue 13: one import of hostile Markdown once held the event loop for half an hour.
 * Sends 1 MB of every ASCII punctuation character (and of a few patterns that used to
 * be quadratic) to POST /api/docs/import, one after another, while /api/health is
 * probed every 50 ms; reports each import's status and the health probes' latencies.
 */
const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
const PATTERNS = ["[a](", "![", "<a ", "*a", "_a", "`a", "> ", "| a ", "[^a]", "<!--", "- ", "1. "];
/**
 * No import may go unanswered this long (the server's own limits: 30 s of parsing, 15 s per
 * statement). Without it a hang shows as undici's HeadersTimeoutError after 300 s, naming nothing.
 */
const IMPORT_ANSWER_MS = 90_000;
const PROBE_ANSWER_MS = 10_000;

export type FloodFigures = {
  imports: number;
  statuses: Record<string, number>;
  slowestImportMs: number;
  slowestImport: string;
  probes: number;
  probeFailures: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  /** /api/health before the flood, on the same server and machine. */
  baselineP50Ms: number;
  baselineP99Ms: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** /api/health every 50 ms until `done()`: each answer's latency, and how many were not a 200. */
async function probeHealth(base: string, done: () => boolean): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  while (!done()) {
    const started = performance.now();
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(PROBE_ANSWER_MS) }).catch(() => null);
    latencies.push(performance.now() - started);
    if (res?.status !== 200) failures++;
    await res?.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
  }
  return { latencies, failures };
}

const BASELINE_MS = 5_000;

/**
 * The flood, with /api/health probed throughout; first the same probe for BASELINE_MS with no
 * import running, so a test can tell what the imports add from what a busy machine costs anyway.
 */
export async function floodImports(base: string, cookie: string, bytes = 1_000_000): Promise<FloodFigures> {
  const until = performance.now() + BASELINE_MS;
  const baseline = (await probeHealth(base, () => performance.now() > until)).latencies.sort((a, b) => a - b);
  let running = true;
  const prober = probeHealth(base, () => !running);
  const statuses: Record<string, number> = {};
  let slowest = 0;
  let slowestUnit = "";
  try {
    for (const unit of [...PUNCTUATION, ...PATTERNS]) {
      // JSON escapes `"` and `\` to two characters: stay under the 1 MB body limit either way.
      const count = Math.floor(bytes / JSON.stringify(unit).slice(1, -1).length / unit.length);
      const started = performance.now();
      const what = `POST /api/docs/import of ${count} × ${JSON.stringify(unit)}`;
      const res = await fetch(`${base}/api/docs/import`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: base },
        body: JSON.stringify({ markdown: unit.repeat(count) }),
        signal: AbortSignal.timeout(IMPORT_ANSWER_MS),
      }).catch((error: unknown) => {
        const timedOut = error instanceof DOMException && error.name === "TimeoutError";
        throw new Error(
          timedOut ? `${what}: no answer within ${IMPORT_ANSWER_MS / 1000} s` : `${what} failed: ${String(error)}`,
          { cause: error },
        );
      });
      await res.arrayBuffer();
      const ms = performance.now() - started;
      if (ms > slowest) [slowest, slowestUnit] = [ms, JSON.stringify(unit)];
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  } finally {
    running = false;
  }
  const { latencies, failures: probeFailures } = await prober;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    imports: PUNCTUATION.length + PATTERNS.length,
    statuses,
    slowestImportMs: Math.round(slowest),
    slowestImport: slowestUnit,
    probes: latencies.length,
    probeFailures,
    healthP50Ms: Math.round(percentile(sorted, 0.5)),
    healthP99Ms: Math.round(percentile(sorted, 0.99)),
    healthMaxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    baselineP50Ms: Math.round(percentile(baseline, 0.5)),
    baselineP99Ms: Math.round(percentile(baseline, 0.99)),
  };
}
