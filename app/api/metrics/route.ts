import { metricsResponse } from "@/lib/observability/metrics-route";

export const dynamic = "force-dynamic";

/** Prometheus metrics: with METRICS_TOKEN as a Bearer token, or without one from this machine only. */
export async function GET(request: Request): Promise<Response> {
  return metricsResponse(request.headers);
}
