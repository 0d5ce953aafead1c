import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
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
          // Each file gets a database of its own (see db-setup.ts), so files can run in parallel.
          fileParallelism: true,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
