import "server-only";
import { db } from "@/lib/db";

type Pingable = { $queryRaw: (query: TemplateStringsArray) => Promise<unknown> };

/** Liveness of the app and its database; a dead database answers within ~2 s. */
export async function checkHealth(
  client: Pingable = db,
): Promise<{ status: "ok" | "degraded"; db: "ok" | "unreachable" }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), 2_000);
      }),
    ]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
