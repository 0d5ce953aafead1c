import client from "prom-client";

/**
 * Prometheus metrics of this process (GET /api/metrics, lib/observability/metrics-route.ts). One registry per
 * process, shared by every bundle; other processes (the collaboration server) create their own with
 * `createRegistry()` and serve it with `renderRegistry()`.
 */
type Metrics = ReturnType<typeof create>;

function create(registry: client.Registry) {
  client.collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new client.Gauge({ name, help, labelNames, registers: [registry] });
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new client.Counter({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    httpRequests: counter("http_requests_total", "HTTP requests answered, by route pattern and status.", [
      "method",
      "route",
      "status",
    ]),
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sectionSaves: counter("section_saves_total", "Section saves, by result (saved, conflict).", ["result"]),
    pageCache: counter("page_cache_requests_total", "Doc page loads, by page cache result (hit, miss).", ["result"]),
    emailsInFlight: gauge("email_queue_in_flight", "Emails handed to SMTP and not yet answered."),
    emails: counter("emails_total", "Emails by outcome (sent, failed, not_configured).", ["outcome"]),
    collabConnections: gauge("collab_connections", "Open collaboration WebSocket connections."),
    collabDocs: gauge("collab_docs", "Docs open on the collaboration server."),
    collabStores: counter(
      "collab_stores_total",
      "Stores of open docs by the collaboration server, by result (stored; unchanged: nothing new since the last " +
        "store, nothing written; failed: retried by the next store).",
      ["result"],
    ),
    collabSectionStores: counter(
      "collab_section_stores_total",
      "Sections a store looked at, by result (saved; unchanged: the content the database holds, not written; " +
        "refused; failed).",
      ["result"],
    ),
    collabStoreErrors: counter(
      "collab_store_errors_total",
      "Errors while storing a live doc, by what failed (section, state).",
      ["part"],
    ),
    dbPool: gauge("db_pool_connections", "Database pool connections by state (total, idle, waiting).", ["state"]),
  };
}

const KEY = Symbol.for("design-review.metrics");
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;

export function metrics(): Metrics {
  return (holder[KEY] ??= create(new client.Registry()));
}

/** A registry of the same metrics for another process (e.g. the collaboration server). */
export function createRegistry(): Metrics {
  return create(new client.Registry());
}

export async function renderRegistry(m: Metrics = metrics()): Promise<{ body: string; contentType: string }> {
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}

type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

/** Report a pg pool's connections on every scrape (lib/db registers its pool). */
export function watchPool(pool: PoolStats): void {
  const m = metrics();
  const gauge = m.dbPool as unknown as { collect?: () => void };
  gauge.collect = () => {
    m.dbPool.set({ state: "total" }, pool.totalCount);
    m.dbPool.set({ state: "idle" }, pool.idleCount);
    m.dbPool.set({ state: "waiting" }, pool.waitingCount);
  };
}
