// Runs bench/queries.ts twice in the snapshot — once to capture the SQL each
// operation sends through Prisma, once to time Prisma against that SQL through pg —
// and renders the ratios.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fmt, table } from "./lib/report.mjs";
import { OUT, runLogged } from "./lib/server.mjs";

const lineOf = (out, prefix) => {
  const line = out.split("\n").find((l) => l.startsWith(`${prefix} `));
  if (!line) throw new Error(`bench/queries.ts printed no ${prefix} line; see bench/out/queries-*.log`);
  return JSON.parse(line.slice(prefix.length + 1));
};

export async function runQueries({ appDir, env, seed, log }) {
  const doc = seed.doc;
  const input = {
    actor: { id: seed.owner.id, name: seed.owner.name, email: seed.owner.email },
    docId: doc.id,
    workspaceId: seed.workspace.id,
    sectionKey: doc.sections[0].key,
  };
  const script = path.join(appDir, "bench", "queries.ts");
  const args = (mode) => ["--conditions=react-server", "--import", "tsx", script, mode];
  // Outside "production" lib/db takes the capturing client from globalThis; timing runs as the app does.
  const base = { ...env, BENCH_QUERIES_INPUT: JSON.stringify(input) };
  log("Prisma vs raw pg: capturing the SQL of the five hottest operations");
  const sql = lineOf(
    await runLogged("bench/queries.ts capture", args("capture"), {
      cwd: appDir,
      env: { ...base, NODE_ENV: "development" },
      logName: "queries-capture.log",
    }),
    "BENCH_SQL",
  );
  const sqlFile = path.join(OUT, "queries-sql.json");
  writeFileSync(sqlFile, JSON.stringify(sql, null, 2));
  log("Prisma vs raw pg: timing both ways (bench/out/queries-sql.json has the statements)");
  return lineOf(
    await runLogged("bench/queries.ts time", args("time"), {
      cwd: appDir,
      env: { ...base, BENCH_SQL_FILE: sqlFile },
      logName: "queries-time.log",
    }),
    "BENCH_QUERIES",
  );
}

export function queriesTable(r) {
  return (
    table(
      ["operation", "statements", "Prisma p50 ms", "pg p50 ms", "ratio p50", "Prisma p95 ms", "pg p95 ms", "ratio p95"],
      r.results.map((x) => [
        `${x.name}: ${x.what}`,
        x.statements,
        fmt(x.prisma.p50, 2),
        fmt(x.raw.p50, 2),
        fmt(x.prisma.p50 / x.raw.p50, 2),
        fmt(x.prisma.p95, 2),
        fmt(x.raw.p95, 2),
        fmt(x.prisma.p95 / x.raw.p95, 2),
      ]),
    ) +
    `\n\n${r.iterations} calls each way per operation, one at a time, pools of ${r.poolSize}. ` +
    "Ratio = Prisma ÷ pg (1.0 = no overhead)."
  );
}
