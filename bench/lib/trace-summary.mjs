// Where a Chromium renderer's main thread goes: a trace (Playwright's browser.startTracing, Chrome's JSON trace
// format) summed up by self time per event kind — script, style, layout, paint, HTML parsing, garbage collection —
// which a CPU profile shows only as "(program)".

/** Events on the renderer main thread that did most work: the page's own (one page per browser in the bench). */
function mainThreadEvents(events) {
  const names = new Map();
  for (const e of events)
    if (e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      names.set(`${e.pid}:${e.tid}`, true);
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== "X" || typeof e.dur !== "number") continue;
    const id = `${e.pid}:${e.tid}`;
    if (!names.has(id)) continue;
    if (!byThread.has(id)) byThread.set(id, []);
    byThread.get(id).push(e);
  }
  let best = [];
  for (const list of byThread.values()) if (list.length > best.length) best = list;
  return best;
}

/** Self time (ms) per event name on the page's main thread, busiest first, and the busy total. */
export function summarizeTrace(trace) {
  const events = mainThreadEvents(Array.isArray(trace) ? trace : trace.traceEvents).sort(
    (a, b) => a.ts - b.ts || b.dur - a.dur,
  );
  const self = new Map();
  const stack = [];
  let busy = 0;
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of events) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.children += e.dur;
    else busy += e.dur;
    const frame = { name: e.name, end: e.ts + e.dur, dur: e.dur, children: 0 };
    stack.push(frame);
    frame.done = () => self.set(frame.name, (self.get(frame.name) ?? 0) + frame.dur - frame.children);
    e.frame = frame;
  }
  for (const e of events) e.frame.done();
  const rows = [...self.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .filter((r) => r.ms >= 0.5)
    .sort((a, b) => b.ms - a.ms);
  return { busyMs: busy / 1000, rows };
}

/**
 * The CPU profile inside a trace taken with "disabled-by-default-v8.cpu_profiler" (ProfileChunk events), as a
 * DevTools .cpuprofile object ({ nodes, samples, timeDeltas }) of the busiest profiled thread; null without samples.
 */
export function profileFromTrace(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const byId = new Map();
  for (const e of events) {
    if (e.name !== "ProfileChunk" || !e.args?.data?.cpuProfile) continue;
    const id = `${e.pid}:${e.id}`;
    if (!byId.has(id)) byId.set(id, { nodes: new Map(), samples: [], timeDeltas: [] });
    const p = byId.get(id);
    const { cpuProfile, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile.nodes ?? []) p.nodes.set(n.id, { ...n, children: [] });
    p.samples.push(...(cpuProfile.samples ?? []));
    p.timeDeltas.push(...timeDeltas);
  }
  let best = null;
  for (const p of byId.values()) if (!best || p.samples.length > best.samples.length) best = p;
  if (!best || best.samples.length === 0) return null;
  for (const n of best.nodes.values()) if (n.parent !== undefined) best.nodes.get(n.parent)?.children.push(n.id);
  return { nodes: [...best.nodes.values()], samples: best.samples, timeDeltas: best.timeDeltas };
}

/** Self time (ms) per "function (file)" of a .cpuprofile, busiest first; idle and the program's own time left out. */
export function selfTimeBySource(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url } = node?.callFrame ?? {};
    if (!node || functionName === "(idle)" || functionName === "(program)") return;
    const name = `${functionName || "(anonymous)"} (${(url || "").replace(/^.*\/_next\//, "_next/") || "native"})`;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, rows };
}
