import type { Database } from "@rally/db";
import type { Logger } from "pino";

import type { Clock } from "../clock.ts";

/** How long events stay replayable; older resumes get a refetch marker. */
export const RETENTION_DAYS = 7;
const DELETE_BATCH = 5_000;

/**
 * Deletes events older than `retentionDays`, oldest first, in batches so no
 * one statement holds many row locks. It deletes by id (everything up to the
 * newest old event), not by age row by row: `created_at` is the writing
 * transaction's start time and need not follow id order, while resuming
 * relies on the kept events being every id above some point. The newest
 * event is always kept, so a resume can tell a pruned id from a future one.
 *
 * Ages are measured by the database's clock, the one that wrote
 * `created_at`, not by the injected Clock.
 */
export async function pruneEvents(db: Database, retentionDays: number) {
  const rows = await db.sql.query<{ old: string | null; newest: string }>(
    `SELECT
       (SELECT max(id) FROM domain_events
        WHERE created_at < now() - make_interval(days => $1::int))::text AS old,
       (SELECT coalesce(max(id), 0) FROM domain_events)::text AS newest`,
    [retentionDays],
  );
  const row = rows[0];
  if (!row?.old) {
    return 0;
  }
  const newest = BigInt(row.newest);
  const throughId = String(BigInt(row.old) < newest ? row.old : newest - 1n);

  let deleted = 0;
  for (;;) {
    const result = await db.sql.query<{ count: number }>(
      `WITH gone AS (
         DELETE FROM domain_events WHERE id IN (
           SELECT id FROM domain_events WHERE id <= $1::bigint
           ORDER BY id LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS count FROM gone`,
      [throughId, DELETE_BATCH],
    );
    const count = result[0]?.count ?? 0;
    deleted += count;
    if (count < DELETE_BATCH) {
      return deleted;
    }
  }
}

export interface PrunerOptions {
  clock: Clock;
  retentionDays: number;
  everyMs: number;
}

/**
 * Prunes on demand, or at most once per `everyMs` when asked whether it is
 * due; two requests at once share one pass.
 */
export function createPruner(
  db: Database,
  logger: Logger,
  options: PrunerOptions,
) {
  let lastPrunedAt = -Infinity;
  let pruning: Promise<number> | undefined;

  function prune() {
    pruning ??= pruneEvents(db, options.retentionDays)
      .then((deleted) => {
        if (deleted > 0) {
          logger.info(
            { deleted, retentionDays: options.retentionDays },
            "pruned old events",
          );
        }

        return deleted;
      })
      .finally(() => {
        pruning = undefined;
      });

    return pruning;
  }

  return {
    prune,
    pruneWhenDue() {
      const now = options.clock.now().getTime();
      if (now - lastPrunedAt < options.everyMs) {
        return;
      }
      lastPrunedAt = now;
      prune().catch((error: unknown) => {
        logger.error({ err: error }, "pruning old events failed");
      });
    },
    /** Waits for a pass in progress, whatever its outcome. */
    async settled() {
      await pruning?.catch(() => 0);
    },
  };
}
