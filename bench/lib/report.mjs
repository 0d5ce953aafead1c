// Markdown tables, the machine description, and small number helpers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { ROOT } from "../../scripts/lib/postgres.mjs";

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
export const kb = (bytes, digits = 1) => fmt(bytes / 1024, digits);

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

function cpuModel() {
  try {
    return (
      /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ??
      os.cpus()[0]?.model ??
      "unknown"
    );
  } catch {
    return os.cpus()[0]?.model ?? "unknown";
  }
}

function gitDescribe() {
  try {
    const git = (...args) =>
      execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = git("status", "--porcelain").length > 0;
    return `${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes" : ""}`;
  } catch {
    return "unknown";
  }
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

export function describeMachine(db) {
  const nextVersion = JSON.parse(readFileSync(`${ROOT}/node_modules/next/package.json`, "utf8")).version;
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    ramGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    next: nextVersion,
    postgres: `${db.version} (${db.where}; fsync=${db.fsync}, synchronous_commit=${db.synchronousCommit})`,
    loadAverage: loadAverage(),
    commit: gitDescribe(),
  };
}

export function machineTable(m) {
  return table(
    ["", ""],
    [
      ["Date", m.date],
      ["CPU", `${m.cpu}, ${m.cores} cores`],
      ["RAM", `${fmt(m.ramGB, 1)} GB`],
      ["Node", m.node],
      ["Next.js", m.next],
      ["PostgreSQL", m.postgres],
      ["Load average at start (1/5/15 min)", m.loadAverage],
      ...(m.loadAverageEnd ? [["Load average at end", m.loadAverageEnd]] : []),
      ["Commit", m.commit],
    ],
  );
}
