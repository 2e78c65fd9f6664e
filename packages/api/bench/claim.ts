/**
 * pnpm bench:claim — times the dispatcher's claim, and the look an idle
 * dispatcher takes for its next wake, with no held mail, then with
 * BENCH_HELD (default 200,000) queued emails of a paused campaign older
 * than everything else, and reports the ratios. Needs DATABASE_URL (a
 * server; the database in it is ignored); uses a fresh rally_bench_claim.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";

import { migrate, openDatabase, type Database } from "@rally/db";
import { withDatabase } from "@rally/db/testing";

import { claimBatch } from "../src/services/email/claim.ts";
import type { RateLimiter } from "../src/services/email/rate-limiter.ts";
import { nextWakeAt } from "../src/services/email/wake.ts";
import { benchServerUrl, recreateDatabase } from "./server.ts";
import { time, type Timing } from "./timing.ts";

const serverUrl = benchServerUrl("bench:claim");
const held = Number(process.env.BENCH_HELD ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const batch = 100;
const name = "rally_bench_claim";
const now = new Date("2026-12-01T15:00:00Z");
// Only when the next token is due matters to the wake; it is due now.
const limiter = { nextTokenAt: () => now } as RateLimiter;

await recreateDatabase(serverUrl, name);
const db = await openDatabase({
  url: withDatabase(serverUrl, name),
  maxConnections: 2,
});
await migrate(db);
const [paused, sending] = await seed(db);
const loadBefore = os.loadavg()[0]!;

// The held mail starts out finished, so both phases read the same table
// and indexes; only whether those rows wait in the queue differs.
const free = await measure();
await db.sql.query(
  `UPDATE emails SET status = 'QUEUED' WHERE campaign_id = $1`,
  [paused],
);
await db.sql.query(`UPDATE campaigns SET status = 'PAUSED' WHERE id = $1`, [
  paused,
]);
await db.sql.exec("VACUUM ANALYZE emails");
const loaded = await measure();
// The same rows sent, their campaign still sending: what an idle lane of
// a rate-held campaign reads before each wake.
await db.sql.query(`UPDATE emails SET status = 'SENT' WHERE campaign_id = $1`, [
  paused,
]);
await db.sql.query(`UPDATE campaigns SET status = 'SENDING' WHERE id = $1`, [
  paused,
]);
await db.sql.exec("VACUUM ANALYZE emails");
const midSend = await time(runs, () => nextWakeAt(db, now, limiter));
const loadAfter = os.loadavg()[0]!;
await db.close();

const ms = (t: Timing) => `${t.median.toFixed(2)} ms (p95 ${t.p95.toFixed(2)})`;
const ratio = (a: Timing, b: Timing) => `${(a.median / b.median).toFixed(2)}×`;
const lines = [
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ` +
    `${os.cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, ` +
    `PostgreSQL; one-minute load average ${loadBefore.toFixed(1)} before ` +
    `and ${loadAfter.toFixed(1)} after.`,
  "",
  "| figure | value |",
  "| --- | --- |",
  `| claim of ${batch} (campaign ${sending} sending), no held mail | ${ms(free.open)} |`,
  `| the same, ${held} queued emails of a paused campaign | ${ms(loaded.open)} |`,
  `| held vs none, window open | ${ratio(loaded.open, free.open)} |`,
  `| claim of ${batch} with the window shut, no held mail | ${ms(free.shut)} |`,
  `| the same, ${held} held emails queued | ${ms(loaded.shut)} |`,
  `| held vs none, window shut | ${ratio(loaded.shut, free.shut)} |`,
  `| an idle dispatcher's next-wake look, no held mail | ${ms(free.wake)} |`,
  `| the same, ${held} held emails queued | ${ms(loaded.wake)} |`,
  `| held vs none, next wake | ${ratio(loaded.wake, free.wake)} |`,
  `| next-wake look, the ${held} sent while their campaign still sends | ${ms(midSend)} |`,
  `| sent-while-sending vs none, next wake | ${ratio(midSend, free.wake)} |`,
  "",
  `${runs} claims per figure, each after one warm-up; claimed mail is put`,
  "back between claims, outside the timing.",
];
process.stdout.write(`${lines.join("\n")}\n`);

/** A paused campaign's mail (finished for now) older than the sending mail. */
async function seed(database: Database) {
  await database.sql.exec(`
    INSERT INTO service_types (key, name, default_cadence_months)
      VALUES ('oil', 'Oil change', 6);
    INSERT INTO rules (name, service_type_id, cadence_months, updated_at)
      VALUES ('Oil', 1, 6, now());
    INSERT INTO campaigns (rule_id, status, as_of)
      VALUES (1, 'DONE', now()), (1, 'SENDING', now());`);
  await insertEmails(database, 1, held, "SENT");
  await insertEmails(database, 2, batch * 10, "QUEUED");
  await insertEmails(database, null, batch * 2, "QUEUED");
  await database.sql.exec("VACUUM ANALYZE");

  return [1, 2] as const;
}

function insertEmails(
  database: Database,
  campaignId: number | null,
  count: number,
  status: string,
) {
  return database.sql.query(
    `INSERT INTO emails (campaign_id, status, to_address, from_address,
       subject, text, message_id, updated_at)
     SELECT $1, $2::email_status, 'c' || n || '@example.com',
       'service@mainst.test', 'Hello', 'Hi', gen_random_uuid() || '@bench',
       now()
     FROM generate_series(1, $3) n`,
    [campaignId, status, count],
  );
}

async function measure() {
  const claim = (isCampaignMailAllowed: boolean) => async () => {
    const token = randomUUID();
    await claimBatch(db, {
      limit: batch,
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
      token,
      isCampaignMailAllowed,
    });
    await db.sql.query(
      `UPDATE emails SET status = 'QUEUED', claim_token = NULL
       WHERE claim_token = $1`,
      [token],
    );
  };

  return {
    open: await time(runs, claim(true)),
    shut: await time(runs, claim(false)),
    wake: await time(runs, () => nextWakeAt(db, now, limiter)),
  };
}
