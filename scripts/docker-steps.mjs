#!/usr/bin/env node
// Runs the Dockerfile's steps on this machine, for where Docker cannot run (README → Production → Containers).
// It reads the Dockerfile itself (so the two cannot drift apart): each stage is a folder standing for /app, COPY
// copies from the build context (the tree minus .dockerignore) or from an earlier stage, RUN runs in that folder,
// ENV and ARG apply, USER runs the final command as an unprivileged user when this runs as root. Then it starts the
// image's CMD against a fresh database (DATABASE_URL names the server), runs the HEALTHCHECK until it passes, sends
// SIGTERM and expects exit code 0. What it cannot check: the base image itself (it uses this machine's Node, whose
// major version must match), the image's file system layout outside /app, and Docker's networking.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node scripts/docker-steps.mjs [--keep]
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, createDatabase, dropDatabase, freePort, withDatabase } from "./lib/postgres.mjs";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("docker-steps: set DATABASE_URL to a PostgreSQL server (a database of its own is created there)");
  process.exit(2);
}
// Outside the checkout: inside it, Node would find the checkout's own node_modules above a stage and hide a
// dependency the image lacks (and Next would take the checkout for the workspace root).
const work = path.join(tmpdir(), `design-review-docker-steps-${process.pid}`);
const say = (msg) => console.log(`\x1b[1m[docker-steps]\x1b[0m ${msg}`);
const sh = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { stdio: "inherit", ...opts });

// Parse: continuation lines joined, comments dropped.
const lines = readFileSync(path.join(ROOT, "Dockerfile"), "utf8")
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const args = {};
const sub = (s) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args[a ?? b] ?? stage?.env[a ?? b] ?? "");
const stages = new Map();
let stage = null;

mkdirSync(work, { recursive: true });
const context = path.join(work, "context");
say(`build context: the tree minus .dockerignore → ${context}`);
sh("rsync", ["-a", "--exclude=/.tmp", `--exclude-from=${path.join(ROOT, ".dockerignore")}`, `${ROOT}/`, `${context}/`]);

const report = [];
for (const line of lines) {
  const [instr, ...restWords] = line.split(/\s+/);
  const rest = line.slice(instr.length).trim();
  const op = instr.toUpperCase();
  if (op === "ARG") {
    const [k, v = ""] = rest.split("=");
    args[k] ??= v;
  } else if (op === "FROM") {
    const [from, , name] = restWords.map(sub);
    const dir = path.join(work, `stage-${name ?? stages.size}`);
    if (stages.has(from)) {
      // Hard links: a stage starts as its parent's tree without copying 1 GB of node_modules.
      sh("cp", ["-al", stages.get(from).dir, dir]);
      stage = { ...stages.get(from), env: { ...stages.get(from).env }, dir, name };
    } else {
      const major = /^node:(\d+)/.exec(from)?.[1];
      if (major && process.versions.node.split(".")[0] !== major)
        throw new Error(`the image is based on ${from}, this machine runs Node ${process.versions.node}`);
      mkdirSync(dir, { recursive: true });
      stage = { dir, name, env: {}, user: "root", base: from };
      report.push(`FROM ${from}: this machine's Node ${process.versions.node} stands in for the base image`);
    }
    stages.set(name, stage);
    say(`stage ${name} (${from})`);
  } else if (op === "WORKDIR") {
    if (rest !== "/app") throw new Error(`docker-steps knows WORKDIR /app only, not ${rest}`);
  } else if (op === "ENV") {
    for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1]] = sub(m[2].replace(/^"|"$/g, ""));
  } else if (op === "COPY") {
    const words = restWords.map(sub);
    const flags = words.filter((w) => w.startsWith("--"));
    const [dest, ...srcs] = words.filter((w) => !w.startsWith("--")).reverse();
    const from = flags.find((f) => f.startsWith("--from="))?.slice(7);
    const base = from ? stages.get(from).dir : context;
    const target = path.join(stage.dir, dest.replace(/^\/app\/?/, ""));
    for (const src of srcs.reverse()) {
      const source = path.join(base, src.replace(/^\/app\/?/, ""));
      const into = dest.endsWith("/") || srcs.length > 1 ? `${target}/` : target;
      mkdirSync(dest.endsWith("/") || srcs.length > 1 ? target : path.dirname(target), { recursive: true });
      sh("cp", ["-a", source === base ? `${source}/.` : source, into]);
    }
    const chown = flags.find((f) => f.startsWith("--chown="));
    if (chown && process.getuid?.() === 0) sh("chown", ["-R", "65534:65534", target]);
    say(`COPY ${words.join(" ")}`);
  } else if (op === "RUN") {
    say(`RUN ${rest}`);
    sh("sh", ["-c", rest], {
      cwd: stage.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", ...stage.env },
    });
  } else if (op === "USER") {
    stage.user = rest;
  } else if (op === "HEALTHCHECK") {
    stage.healthcheck = JSON.parse(rest.slice(rest.indexOf("CMD") + 3).trim()).slice(0);
  } else if (op === "CMD") {
    stage.cmd = JSON.parse(rest);
  } else if (op === "EXPOSE" || op === "STOPSIGNAL") {
    stage[op.toLowerCase()] = rest;
  } else throw new Error(`docker-steps does not know ${op}`);
}

// Run the final stage as the container would.
const image = stage;
const database = `dr_docker_steps_${process.pid}`;
await createDatabase(adminUrl, database);
const port = await freePort();
const env = {
  PATH: process.env.PATH,
  HOME: "/tmp",
  ...image.env,
  PORT: String(port),
  COLLAB_PORT: String(await freePort()),
  DATABASE_URL: withDatabase(adminUrl, database),
  AUTH_SECRET: "docker-steps-secret-docker-steps-secret-01",
};
const asUser =
  image.user !== "root" && process.getuid?.() === 0
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    : [];
const [cmd, ...argv] = [...asUser, ...image.cmd];
say(`CMD ${image.cmd.join(" ")}${asUser.length ? " (as uid 65534, for USER " + image.user + ")" : ""}`);
const child = spawn(cmd, argv, { cwd: image.dir, env, stdio: "inherit" });
let healthy = false;
const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
try {
  for (let i = 0; i < 120 && !healthy && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const [hc, ...hargv] = image.healthcheck;
    try {
      execFileSync(hc === "node" ? process.execPath : hc, hargv, { env, stdio: "ignore", timeout: 5000 });
      healthy = true;
    } catch {
      /* not yet */
    }
  }
  say(healthy ? "HEALTHCHECK passed" : "HEALTHCHECK never passed");
  child.kill("SIGTERM");
  const { code, signal } = await exited;
  say(`after SIGTERM: exit code ${code}${signal ? ` (signal ${signal})` : ""}`);
  report.push(
    `final stage ran as ${asUser.length ? "uid 65534" : image.user}, HEALTHCHECK ${healthy ? "passed" : "failed"}`,
  );
  report.push(`SIGTERM → exit ${code}`);
  console.log(`\n${report.map((r) => `- ${r}`).join("\n")}`);
  process.exitCode = healthy && code === 0 ? 0 : 1;
} finally {
  if (child.exitCode === null) child.kill("SIGKILL");
  await dropDatabase(adminUrl, database);
  if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
}
