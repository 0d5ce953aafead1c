import { checkReadiness } from "@/lib/observability/ready";

export const dynamic = "force-dynamic";

/** Readiness (unlike /api/health, a liveness check): database, Redis when configured, no pending migration. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
