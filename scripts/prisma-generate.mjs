// `prisma generate` needs DATABASE_URL set to something, though it never connects.
import { execFileSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/unused";
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
