/**
 * Live co-editing (issue 14), on a PostgreSQL database of its own, servers in processes of their own:
 *  1. relay at 50: 50 Node providers type in one doc (a word every 250 ms each) while a probe pair measures
 *     keystroke → seen by the other provider, p95, through the raw Hocuspocus relay (a bare `new Server()`, no
 *     hooks: the floor) and through ours (scripts/collab-server.ts: token, access, limits, stores), in one run.
 *  2. 1,000 docs × 2 connections on one collaboration process: its memory (RSS) before and with them open, the
 *     relay p95 while every doc gets typed in, and stores per second beside edits per second (then: are all
 *     edits in the database once typing stops). The same typing through the raw relay holding as many docs first:
 *     the floor of this machine and of the bench's own 2,000 providers (they share the cores).
 *
 *   node --conditions=react-server --import tsx bench/collab.mjs
 *   BENCH_DOCS=1000 BENCH_SECONDS=20 BENCH_WRITERS=50 by default
 *   BENCH_CPU_PROF=1   the collaboration server runs with --cpu-prof; where its CPU went while typing is printed
 *                      (bench/out/collab-prof/)
 *   BENCH_RAW_DOCS=0   skip the raw relay at BENCH_DOCS docs
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort, ROOT, withDatabase } from "../scripts/lib/postgres.mjs";
import {
  createTemplateDatabase,
  dropRunDatabases,
  newRunId,
  startTestDatabaseServer,
} from "../scripts/lib/test-env.mjs";
import { connect, RAW_SERVER, relayWithWriters, sleep, startProcess, synced, typeWord } from "./lib/collab-clients.mjs";
import { summarizeProfile } from "./lib/cpu-profile.mjs";
import { fmt, loadAverage, percentile, table } from "./lib/report.mjs";

const DOCS = Number(process.env.BENCH_DOCS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const SECRET = "bench-secret-bench-secret-bench-secret-01";
const PROFILE = process.env.BENCH_CPU_PROF === "1";
const RAW_DOCS = process.env.BENCH_RAW_DOCS !== "0";
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;
/** user + system CPU seconds of a process so far (clock ticks of 1/100 s). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** `count` pairs of connections, each pair on a doc of its own, opened 50 docs at a time. */
async function openPairs(url, names, tokenFor) {
  const pairs = [];
  for (let i = 0; i < names.length; i += 50) {
    const batch = names.slice(i, i + 50).map((name) => ({
      name,
      a: connect(url, name, () => tokenFor(name)),
      b: connect(url, name, () => tokenFor(name)),
    }));
    await synced(batch.flatMap((p) => [p.a, p.b]));
    pairs.push(...batch);
  }
  return pairs;
}

/**
 * Every doc typed in for `seconds`: one edit per doc every 5 s, spread evenly; each edit timed until the other
 * connection of its doc holds it. Returns the sorted latencies, the edits and the seconds it took.
 */
async function typeInEveryDoc(pairs, seconds) {
  const latencies = [];
  let edits = 0;
  let stop = false;
  const started = performance.now();
  const perDocMs = 5_000;
  const loops = pairs.map(async (p, i) => {
    await sleep((i * perDocMs) / pairs.length);
    for (let n = 0; !stop; n++) {
      const word = `e${n}d${i}`;
      const text = p.b.doc.getXmlFragment("design-overview");
      const t0 = performance.now();
      const seen = new Promise((resolve) => {
        const check = () => {
          if (text.toString().includes(word)) {
            text.unobserveDeep(check);
            resolve(performance.now() - t0);
          }
        };
        text.observeDeep(check);
      });
      typeWord(p.a, "design-overview", word);
      edits++;
      latencies.push(await seen);
      await sleep(Math.max(0, perDocMs - (performance.now() - t0)));
    }
  });
  await sleep(seconds * 1000);
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  return { latencies, edits, seconds: (performance.now() - started) / 1000 };
}

const relayAt50 = (url, docName, token, key) =>
  relayWithWriters({ url, docName, token, key, writers: WRITERS, samples: 200 });

const server = await startTestDatabaseServer();
const runId = newRunId();
const children = [];
try {
  const load = loadAverage();
  const template = await createTemplateDatabase(server.adminUrl, runId);
  const databaseUrl = withDatabase(server.adminUrl, template);
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET = SECRET;
  const { createUser } = await import("../prisma/factories.ts");
  const { createDoc } = await import("../lib/docs/create-doc.ts");
  const { issueCollabToken, collabDocName } = await import("../lib/collab/token.ts");
  const { db } = await import("../lib/db/index.ts");
  const { actor, workspace } = await createUser({ name: "Bench" });
  const tokenFor = (docId) =>
    issueCollabToken({ docId, subject: { kind: "user", id: actor.id }, name: "Bench" }, SECRET);

  // 1. Relay at 50 writers: raw Hocuspocus, then ours, one doc each.
  const rawPort = await freePort();
  const raw = await startProcess(["--input-type=module", "-e", RAW_SERVER], {
    env: { PORT: String(rawPort) },
    port: rawPort,
    cwd: ROOT,
  });
  children.push(raw);
  console.error("bench: relay at 50 through the raw Hocuspocus server");
  const rawFigures = await relayAt50(`ws://127.0.0.1:${rawPort}`, "raw-doc", "", "design-overview");
  raw.kill("SIGTERM");
  let rawDocs = null;
  if (RAW_DOCS) {
    const rawDocsPort = await freePort();
    const rawServer = await startProcess(["--input-type=module", "-e", RAW_SERVER], {
      env: { PORT: String(rawDocsPort) },
      port: rawDocsPort,
      cwd: ROOT,
    });
    children.push(rawServer);
    console.error(`bench: raw Hocuspocus relay, ${DOCS} docs × 2`);
    const names = Array.from({ length: DOCS }, (_, i) => `raw-${i}`);
    const rawPairs = await openPairs(`ws://127.0.0.1:${rawDocsPort}`, names, () => "");
    const rawCpu = cpuSeconds(rawServer.pid);
    const typed = await typeInEveryDoc(rawPairs, SECONDS);
    rawDocs = { ...typed, cpu: cpuSeconds(rawServer.pid) - rawCpu, rss: rssMb(rawServer.pid), load: loadAverage() };
    rawPairs.forEach((p) => (p.a.destroy(), p.b.destroy()));
    rawServer.kill("SIGTERM");
    console.error(`bench: raw relay at ${DOCS} docs p95 ${fmt(percentile(typed.latencies, 95), 1)} ms`);
  }

  const collabPort = await freePort();
  const profileDir = path.join(ROOT, "bench", "out", "collab-prof");
  if (PROFILE) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const profileArgs = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const serverStarted = performance.now();
  const ours = await startProcess(
    [...profileArgs, "--conditions=react-server", "--import", "tsx", "scripts/collab-server.ts"],
    {
      env: { DATABASE_URL: databaseUrl, AUTH_SECRET: SECRET, COLLAB_PORT: String(collabPort) },
      port: collabPort,
      cwd: ROOT,
    },
  );
  children.push(ours);
  const url = `ws://127.0.0.1:${collabPort}`;
  const one = await createDoc(actor, workspace.id, { title: "Relay bench" });
  console.error(`bench: raw p95 ${fmt(rawFigures.p95, 1)} ms; now through ours`);
  const ourFigures = await relayAt50(url, collabDocName(one.id), tokenFor(one.id), "design-overview");

  console.error(`bench: ours p95 ${fmt(ourFigures.p95, 1)} ms; creating ${DOCS} docs`);
  // 2. 1,000 docs × 2 connections on the same process.
  const docs = [];
  // Three at a time, each retried: on a loaded machine ten at once outlived Prisma's 5 s transaction limit.
  const createOne = async (n) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await createDoc(actor, workspace.id, { title: `Bench ${n}` });
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(500 * attempt);
      }
    }
  };
  for (let i = 0; i < DOCS; i += 3)
    docs.push(...(await Promise.all(Array.from({ length: Math.min(3, DOCS - i) }, (_, j) => createOne(i + j)))));
  await sleep(3_000);
  const rssBefore = rssMb(ours.pid);
  const idOf = new Map(docs.map((d) => [collabDocName(d.id), d.id]));
  const pairs = await openPairs(url, [...idOf.keys()], (name) => tokenFor(idOf.get(name)));
  const rssOpen = rssMb(ours.pid);
  console.error(`bench: ${pairs.length} docs × 2 open, RSS ${fmt(rssOpen, 0)} MB; typing ${SECONDS} s`);
  const metricsText = async () => (await fetch(`http://127.0.0.1:${collabPort}/metrics`)).text();
  const metric = async (name, body) =>
    Number(
      (body ?? (await metricsText()))
        .split("\n")
        .find((l) => l.startsWith(`${name} `))
        ?.split(" ")[1] ?? 0,
    );
  const openConnections = await metric("collab_connections");
  const openDocs = await metric("collab_docs");
  const storesBefore = await metric('collab_stores_total{result="stored"}');
  const sectionsBefore = await metric('collab_section_stores_total{result="saved"}');
  const cpuBefore = cpuSeconds(ours.pid);
  const benchCpuBefore = process.cpuUsage();
  const typingStarted = performance.now();
  const { latencies, edits, seconds } = await typeInEveryDoc(pairs, SECONDS);
  const typingEnded = performance.now();
  const serverCpu = cpuSeconds(ours.pid) - cpuBefore;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const afterTyping = await metricsText();
  const storesDuring = (await metric('collab_stores_total{result="stored"}', afterTyping)) - storesBefore;
  const sectionsDuring = (await metric('collab_section_stores_total{result="saved"}', afterTyping)) - sectionsBefore;
  const lagP99 = await metric("nodejs_eventloop_lag_p99_seconds", afterTyping);
  const rssTyping = rssMb(ours.pid);
  const loadTyping = loadAverage();
  // Persistence kept up: every doc's last edit is in the database soon after typing stops.
  const caughtUpStart = performance.now();
  let behind = DOCS;
  while (behind > 0 && performance.now() - caughtUpStart < 120_000) {
    const rows = await db.$queryRawUnsafe(
      `SELECT count(*)::int AS n FROM "Section" WHERE key = 'design-overview' AND "documentId" = ANY($1) AND text = ''`,
      docs.map((d) => d.id),
    );
    behind = rows[0].n;
    if (behind > 0) await sleep(500);
  }
  const caughtUpMs = performance.now() - caughtUpStart;
  pairs.forEach((p) => (p.a.destroy(), p.b.destroy()));
  let profile = null;
  if (PROFILE) {
    const gone = new Promise((resolve) => ours.once("exit", resolve));
    ours.kill("SIGTERM");
    await gone;
    const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (file) {
      const window = { skipMs: typingStarted - serverStarted, untilMs: typingEnded - serverStarted, top: 25 };
      profile = {
        file: path.join(profileDir, file),
        byPackage: summarizeProfile(path.join(profileDir, file), window),
        byFunction: summarizeProfile(path.join(profileDir, file), { ...window, by: "function" }),
      };
    }
  }

  console.log(`\n## Live co-editing (issue 14; load average at start ${load})\n`);
  console.log(
    table(
      ["relay, keystroke → other provider (Node)", "p50 ms", "p95 ms", "samples", "goal"],
      [
        [
          `raw Hocuspocus relay, ${WRITERS} writers typing`,
          fmt(rawFigures.p50, 1),
          fmt(rawFigures.p95, 1),
          rawFigures.samples,
          "floor",
        ],
        [
          `ours (collab-server.ts), ${WRITERS} writers typing`,
          fmt(ourFigures.p50, 1),
          fmt(ourFigures.p95, 1),
          ourFigures.samples,
          "≤ 30 (browser)",
        ],
        ["ratio ours / raw (p95)", "", fmt(ourFigures.p95 / rawFigures.p95, 2), "", ""],
      ],
    ),
  );
  const rawP = () =>
    rawDocs
      ? `${fmt(percentile(rawDocs.latencies, 50), 1)} / ${fmt(percentile(rawDocs.latencies, 95), 1)} ms`
      : "not run";
  console.log(
    "\n" +
      table(
        ["one collab process, docs × 2 connections", "value", "goal"],
        [
          ["docs open / connections (its /metrics)", `${openDocs} / ${openConnections}`, `${DOCS} / ${2 * DOCS}`],
          ["RSS before connections", `${fmt(rssBefore, 0)} MB`, ""],
          ["RSS with them open", `${fmt(rssOpen, 0)} MB`, "≤ 512 MB"],
          ["RSS while typing", `${fmt(rssTyping, 0)} MB`, "≤ 512 MB"],
          [
            "relay p50 / p95 while every doc is typed in",
            `${fmt(percentile(latencies, 50), 1)} / ${fmt(percentile(latencies, 95), 1)} ms`,
            "p95 ≤ 20 ms",
          ],
          [`raw Hocuspocus relay, same typing in ${DOCS} docs × 2 (floor, same run)`, rawP(), ""],
          ["edits per second", fmt(edits / seconds, 1), ""],
          ["stores per second (collab_stores_total)", fmt(storesDuring / seconds, 1), "keeps up"],
          ["section versions written per second", fmt(sectionsDuring / seconds, 1), ""],
          ["docs not stored 2 min after typing stopped", String(behind), "0"],
          ["time until every doc's typing was stored", `${fmt(caughtUpMs / 1000, 1)} s`, ""],
          [
            "collab process CPU while typing (its /proc), share of one core",
            `${fmt(serverCpu, 1)} s (${fmt((100 * serverCpu) / seconds, 0)} %)`,
            "",
          ],
          [
            "raw relay's CPU, same typing",
            rawDocs ? `${fmt(rawDocs.cpu, 1)} s (${fmt((100 * rawDocs.cpu) / rawDocs.seconds, 0)} %)` : "not run",
            "",
          ],
          [
            "bench process CPU while typing (2,000 providers)",
            `${fmt((benchCpu.user + benchCpu.system) / 1e6, 1)} s`,
            "",
          ],
          ["collab event-loop lag p99 (its /metrics, since the last scrape)", `${fmt(lagP99 * 1000, 1)} ms`, ""],
          ["load average while typing / with the raw relay", `${loadTyping} / ${rawDocs?.load ?? "—"}`, ""],
        ],
      ),
  );
  if (profile) {
    const rows = (summary) =>
      summary.rows.map((r) => [r.category.replaceAll("|", "\\|"), fmt(r.ms, 0), `${fmt(100 * r.share, 1)} %`]);
    console.log(
      `\nWhere the collab process's CPU went while typing (--cpu-prof, self time; ` +
        `busy ${fmt(profile.byPackage.busyMs, 0)} ms, idle ${fmt(profile.byPackage.idleMs, 0)} ms; ` +
        `${profile.file}):\n\n` +
        table(["package or file", "ms", "share"], rows(profile.byPackage)) +
        "\n\n" +
        table(["function", "ms", "share"], rows(profile.byFunction)),
    );
  }
  console.log(`\n_Load average at end ${loadAverage()}; ${fmt(seconds, 0)} s of typing._`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await dropRunDatabases(server.adminUrl, runId).catch(() => undefined);
  await server.stop();
  process.exit();
}
