/**
 * PostgreSQL stopped and started again under load: writers keep saving, a reader
 * keeps loading the doc and a monitor polls /api/health, each answer stamped with
 * the phase it began and ended in. Only answers that began and ended while the
 * database was down count as "down".
 */
export type Phase = "before" | "stopping" | "down" | "starting" | "after";
export type OutageEvent = {
  kind: "save" | "read" | "health";
  status: number;
  body: string;
  phase: Phase | "transition";
  at: number;
};
type Writer = { docId: string; key: string; cookie: string; version: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The same first line markerOf() reads back from the stored section. */
const contentWith = (marker: string) =>
  JSON.stringify({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: `Marker ${marker} opens this section.` }] }],
  });

export async function runOutage(opts: {
  base: string;
  docId: string;
  readerCookie: string;
  writers: Writer[];
  postgres: { stop(): Promise<void>; start(): Promise<void> };
  outageMs: number;
  /** A guard against a hang, not a performance goal. */
  recoveryDeadlineMs?: number;
}) {
  const { base } = opts;
  let phase: Phase = "before";
  let done = false;
  let startedAt = 0;
  const events: OutageEvent[] = [];
  const acks: { slot: string; version: number; marker: string }[] = [];
  const recovery: { healthMs: number | null; saveMs: number | null } = { healthMs: null, saveMs: null };

  async function timed(
    kind: OutageEvent["kind"],
    request: () => Promise<Response>,
  ): Promise<{ status: number; body: string }> {
    const began = phase;
    let status = 0;
    let body = "";
    try {
      const res = await request();
      status = res.status;
      body = await res.text();
    } catch (error) {
      body = `network error: ${(error as Error).message}`;
    }
    const at = performance.now();
    events.push({ kind, status, body, phase: began === phase ? phase : "transition", at });
    if (status === 200 && phase === "after" && startedAt) {
      if (kind === "health") recovery.healthMs ??= Math.round(at - startedAt);
      if (kind === "save") recovery.saveMs ??= Math.round(at - startedAt);
    }
    return { status, body };
  }

  const writer = async (w: Writer, index: number) => {
    for (let seq = 0; !done; seq++) {
      const marker = `outage-w${index}-${seq}`;
      const { status, body } = await timed("save", () =>
        fetch(`${base}/api/docs/${w.docId}/sections/${w.key}`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: w.cookie },
          body: `{"baseVersion":${w.version},"content":${contentWith(marker)}}`,
        }),
      );
      if (status === 200) {
        w.version = JSON.parse(body).version;
        acks.push({ slot: `${w.docId}/${w.key}`, version: w.version, marker });
      } else if (status === 409) {
        w.version = JSON.parse(body).error.data.current.version;
      } else {
        await sleep(100);
      }
    }
  };
  const poll = async (kind: "read" | "health", url: string, cookie?: string) => {
    while (!done) {
      await timed(kind, () => fetch(url, { headers: cookie ? { cookie } : {} }));
      await sleep(200);
    }
  };

  const load = Promise.all([
    ...opts.writers.map(writer),
    poll("read", `${base}/api/docs/${opts.docId}`, opts.readerCookie),
    poll("health", `${base}/api/health`),
  ]);
  try {
    await sleep(2_000);
    phase = "stopping";
    await opts.postgres.stop();
    phase = "down";
    await sleep(opts.outageMs);
    phase = "starting";
    await opts.postgres.start();
    phase = "after";
    startedAt = performance.now();
    const deadline = startedAt + (opts.recoveryDeadlineMs ?? 120_000);
    while ((recovery.saveMs === null || recovery.healthMs === null) && performance.now() < deadline) await sleep(100);
    await sleep(2_000);
  } finally {
    done = true;
    await load;
  }
  return { events, acks, recovery };
}
