// Runs prisma/seed.ts (TypeScript, domain code) in a child Node with tsx.
// The react-server condition lets it import modules marked "server-only".
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./postgres.mjs";

export const DEMO = { email: "demo@design-review.local", password: "design-review-demo" };

/** Seed the demo data if the database has no users yet; returns the demo sign-in. */
export async function runSeed(env) {
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "prisma/seed.ts")],
    {
      env: { ...env, DEMO_EMAIL: DEMO.email, DEMO_PASSWORD: DEMO.password },
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  if (out.trim()) process.stdout.write(out);
  return DEMO;
}
