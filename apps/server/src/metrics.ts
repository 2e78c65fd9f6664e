import type { CallObserver, StoredEvent } from "@rally/api";
import type { Database } from "@rally/db";
import type { Logger } from "pino";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface Metrics {
  registry: Registry;
  /** Hands procedure timings to the request-latency histogram. */
  observer: CallObserver;
  /** Times an event from its commit to this process handing it out. */
  eventDelivered(event: StoredEvent): void;
  /** Counts open WebSockets at scrape time. */
  countSocketsWith(count: () => number): void;
}

/**
 * Prometheus metrics for /metrics. Email and schedule figures are read
 * from the database at scrape time, so every process reports the same
 * shared truth and nothing has to keep counters in step.
 */
export function createMetrics(db: Database, logger: Logger): Metrics {
  const registry = new Registry();
  const registers = [registry];
  const calls = new Histogram({
    name: "rally_procedure_duration_seconds",
    help: "tRPC call latency by procedure",
    labelNames: ["path", "type", "outcome"],
    buckets: latencyBuckets,
    registers,
  });
  const delivery = new Histogram({
    name: "rally_event_delivery_seconds",
    help: "From an event's commit to its delivery to local subscribers",
    buckets: latencyBuckets,
    registers,
  });
  let countSockets = () => 0;
  new Gauge({
    name: "rally_websocket_connections",
    help: "Open WebSocket connections to this process",
    registers,
    collect() {
      this.set(countSockets());
    },
  });
  const scrapeFailures = new Counter({
    name: "rally_metrics_scrape_failures_total",
    help: "Database reads for metrics that failed",
    registers,
  });
  registerDatabaseGauges(db, registers, async (read) => {
    try {
      await read();
    } catch (error) {
      scrapeFailures.inc();
      logger.warn({ err: error }, "reading metrics from the database failed");
    }
  });

  return {
    registry,
    observer: {
      callCompleted: ({ path, type, outcome, durationMs }) =>
        calls.observe({ path, type, outcome }, durationMs / 1000),
    },
    eventDelivered: (event) =>
      delivery.observe(
        Math.max(0, Date.now() - event.createdAt.getTime()) / 1000,
      ),
    countSocketsWith: (count) => {
      countSockets = count;
    },
  };
}

function registerDatabaseGauges(
  db: Database,
  registers: Registry[],
  guarded: (read: () => Promise<void>) => Promise<void>,
) {
  new Gauge({
    name: "rally_emails",
    help: "Emails by status",
    labelNames: ["status"],
    registers,
    async collect() {
      await guarded(async () => {
        const rows = await db.sql.query<{ status: string; count: number }>(
          "SELECT status::text AS status, count(*)::int AS count FROM emails GROUP BY status",
        );
        this.reset();
        for (const row of rows) {
          this.set({ status: row.status }, row.count);
        }
      });
    },
  });
  const queueSql = `SELECT count(*)::int AS depth,
      coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age
    FROM emails WHERE status IN ('QUEUED', 'SENDING')`;
  new Gauge({
    name: "rally_email_queue_depth",
    help: "Emails queued or being sent",
    registers,
    async collect() {
      await guarded(async () => {
        const [row] = await db.sql.query<{ depth: number; age: number }>(
          queueSql,
        );
        this.set(row?.depth ?? 0);
        queueAge.set(row?.age ?? 0);
      });
    },
  });
  // Registered after the depth gauge, whose scrape sets it.
  const queueAge = new Gauge({
    name: "rally_email_queue_oldest_age_seconds",
    help: "Age of the oldest email waiting to be sent",
    registers,
  });
  new Gauge({
    name: "rally_scheduler_lag_seconds",
    help: "How late the most overdue pending scheduled campaign is",
    registers,
    async collect() {
      await guarded(async () => {
        const [row] = await db.sql.query<{ lag: number }>(
          `SELECT coalesce(extract(epoch FROM now() - min(run_at)), 0)::float AS lag
           FROM scheduled_campaigns WHERE status = 'PENDING' AND run_at <= now()`,
        );
        this.set(row?.lag ?? 0);
      });
    },
  });
}
