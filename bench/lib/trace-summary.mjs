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

/** A task at least this long holds up whatever arrives meanwhile (a keystroke's message, a frame). */
const LONG_TASK_US = 15_000;

/**
 * Self time (ms) per event name on the page's main thread, busiest first, and the busy total; the same for the
 * tasks of LONG_TASK_US or more alone (`long`: what a late keystroke waited behind), with their spans (µs, trace
 * clock) to find the JavaScript inside them.
 */
export function summarizeTrace(trace) {
  const events = mainThreadEvents(Array.isArray(trace) ? trace : trace.traceEvents).sort(
    (a, b) => a.ts - b.ts || b.dur - a.dur,
  );
  const self = new Map();
  const longSelf = new Map();
  const spans = [];
  const stack = [];
  let busy = 0;
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of events) {
    close(e.ts);
    const parent = stack.at(-1);
    if (parent) parent.children += e.dur;
    else {
      busy += e.dur;
      if (e.dur >= LONG_TASK_US) spans.push([e.ts, e.ts + e.dur]);
    }
    const frame = { name: e.name, end: e.ts + e.dur, dur: e.dur, children: 0 };
    frame.top = parent ? parent.top : frame;
    stack.push(frame);
    e.frame = frame;
  }
  for (const e of events) {
    const { frame } = e;
    const own = frame.dur - frame.children;
    self.set(frame.name, (self.get(frame.name) ?? 0) + own);
    if (frame.top.dur >= LONG_TASK_US) longSelf.set(frame.name, (longSelf.get(frame.name) ?? 0) + own);
  }
  const sorted = (map) =>
    [...map.entries()]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .filter((r) => r.ms >= 0.5)
      .sort((a, b) => b.ms - a.ms);
  const longMs = spans.reduce((sum, [from, to]) => sum + (to - from), 0) / 1000;
  return {
    busyMs: busy / 1000,
    rows: sorted(self),
    long: { count: spans.length, ms: longMs, rows: sorted(longSelf), spans },
  };
}

/**
 * The CPU profile inside a trace taken with "disabled-by-default-v8.cpu_profiler" (ProfileChunk events), as a
 * DevTools .cpuprofile object ({ nodes, samples, timeDeltas }) of the busiest profiled thread; null without samples.
 */
export function profileFromTrace(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const byId = new Map();
  const starts = new Map();
  for (const e of events)
    if (e.name === "Profile" && typeof e.args?.data?.startTime === "number")
      starts.set(`${e.pid}:${e.id}`, e.args.data.startTime);
  for (const e of events) {
    if (e.name !== "ProfileChunk" || !e.args?.data?.cpuProfile) continue;
    const id = `${e.pid}:${e.id}`;
    if (!byId.has(id)) byId.set(id, { id, nodes: new Map(), samples: [], timeDeltas: [] });
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
  return {
    nodes: [...best.nodes.values()],
    samples: best.samples,
    timeDeltas: best.timeDeltas,
    // µs on the trace's clock: with timeDeltas, each sample's time (to keep those inside given spans).
    // (The "Profile" event that opens the chunks carries it.)
    startTime: starts.get(best.id),
  };
}

/**
 * Self time (ms) per "function (file)" of a .cpuprofile, busiest first; idle and the program's own time left out.
 * With `spans` ([from, to] µs on the profile's clock, sorted) only the samples inside them.
 */
export function selfTimeBySource(profile, spans = null) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  let at = profile.startTime ?? 0;
  let span = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (spans) {
      while (span < spans.length && spans[span][1] < at) span++;
      if (span >= spans.length || spans[span][0] > at) return;
    }
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
