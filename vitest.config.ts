import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest 5 formats failures with Map.groupBy (Node >= 21); these machines run Node 20.
const mapWithGroupBy = Map as unknown as {
  groupBy?: <K, T>(items: Iterable<T>, key: (item: T, i: number) => K) => Map<K, T[]>;
};
mapWithGroupBy.groupBy ??= <K, T>(items: Iterable<T>, key: (item: T, i: number) => K) => {
  const groups = new Map<K, T[]>();
  let i = 0;
  for (const item of items) {
    const k = key(item, i++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

/** Both hardening projects: a database per file (db-setup.ts), one file at a time, minutes per test. */
const hardening = {
  environment: "node",
  setupFiles: ["lib/testing/db-setup.ts"],
  server: { deps: { inline: ["next-auth"] } },
  // The server tests share the machine's two cores with a server under load: one file at a time.
  fileParallelism: false,
  testTimeout: 600_000,
  hookTimeout: 600_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.hardening.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "prisma/**/*.db.test.ts"],
          environment: "node",
          setupFiles: ["lib/testing/db-setup.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses:
          // let vite resolve it (the access matrix imports every route and action).
          server: { deps: { inline: ["next-auth"] } },
          // Each file gets a database of its own (see db-setup.ts), so files can run in parallel.
          fileParallelism: true,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Load and faults against a real `next start` and collaboration servers with a PostgreSQL of their own
          // (e2e/hardening); see README "Hardening".
          name: "hardening",
          include: ["e2e/hardening/**/*.hardening.test.ts"],
          ...hardening,
        },
      },
      {
        resolve: { alias },
        test: {
          // Hostile input in-process (lib/**): routes and actions called directly on a database of their own. Run
          // beside the server tests by scripts/test.mjs (those wait on servers they start, stop and kill).
          name: "hardening-input",
          include: ["lib/**/*.hardening.test.ts"],
          ...hardening,
        },
      },
    ],
  },
});
