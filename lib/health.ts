import "server-only";
import { db } from "@/lib/db";

/** Liveness of the app and its database; a dead database answers within ~2 s. */
export async function checkHealth(): Promise<{ status: "ok" | "degraded"; db: "ok" | "unreachable" }> {
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000))]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "unreachable" };
  }
}
