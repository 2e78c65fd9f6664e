import { setTimeout as sleep } from "node:timers/promises";

import { createApiToken, createUser } from "@rally/api";
import { createRallyClient, type RallyClient } from "@rally/client/node";
import type { Database } from "@rally/db";
import { createTestDatabase, withDatabase } from "@rally/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collect, eventsOf, type Received } from "./event-helpers.ts";
import { seedBulkCohort } from "./support/bulk-cohort.ts";
import { seedShop } from "./support/email-fixtures.ts";
import { startRally, type RallyProcess } from "./support/processes.ts";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink.ts";

const databaseUrl = process.env.DATABASE_URL;
const EMAILS = 5_000;
/** Short, so the killed worker's claims come back within seconds. */
const LEASE_MS = 5_000;
const TERMINAL = ["SENT", "DELIVERED", "BOUNCED", "FAILED", "SKIPPED"];

let db: Database;
let sink: SmtpSink;
let ruleId: number;
let token: string;
const apis: RallyProcess[] = [];
const workers: RallyProcess[] = [];
const clients: RallyClient[] = [];

beforeAll(async () => {
  if (!databaseUrl) {
    return;
  }
  db = await createTestDatabase();
  sink = await startSmtpSink();
  await seedShop(db);
  ({
    rule: { id: ruleId },
  } = await seedBulkCohort(db, EMAILS));
  const admin = await createUser(db, {
    email: "admin@rally.test",
    password: "test admin password",
    name: "Admin",
    role: "ADMIN",
  });
  ({ token } = await createApiToken(db, {
    name: "scale-out",
    role: "STAFF",
    createdById: admin.id,
  }));
  const [{ name }] = (await db.sql.query<{ name: string }>(
    "SELECT current_database() AS name",
  )) as [{ name: string }];
  const env = {
    DATABASE_URL: withDatabase(databaseUrl, name),
    RALLY_SECRET: "scale-out-test-secret-of-32-characters",
    LOG_LEVEL: "warn",
    RALLY_EMAIL_PROVIDER: "smtp",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
    RALLY_SEND_RATE: "1000",
    RALLY_SEND_CONCURRENCY: "32",
    RALLY_SEND_LEASE_MS: String(LEASE_MS),
  };
  const started = await Promise.all([
    startRally("api", env),
    startRally("api", env),
    startRally("worker", env),
    startRally("worker", env),
  ]);
  apis.push(...started.slice(0, 2));
  workers.push(...started.slice(2));
}, 300_000);

afterAll(async () => {
  for (const client of clients) {
    client.close();
  }
  await Promise.all([...apis, ...workers].map((p) => p.stop()));
  await sink?.close();
  await db?.close();
});

function clientOf(api: RallyProcess) {
  const client = createRallyClient({ url: api.url, token });
  clients.push(client);

  return client;
}

async function latestEventId() {
  const [row] = await db.sql.query<{ id: string | null }>(
    "SELECT max(id)::text AS id FROM domain_events",
  );

  return row?.id ?? "0";
}

/** The last status each email of the campaign reached in `received`. */
function finalStatuses(received: Received[], campaignId: number) {
  const statuses = new Map<number, string>();
  for (const event of eventsOf(received)) {
    const payload = event.payload as {
      emailId?: number;
      campaignId?: number;
      to?: string;
    };
    if (event.type === "email.status" && payload.campaignId === campaignId) {
      statuses.set(payload.emailId as number, payload.to as string);
    }
  }

  return statuses;
}

/**
 * Whether the campaign's DONE has arrived; reads each event once, since it
 * runs on every one of the ~15,000 that arrive.
 */
function isCampaignDone(campaignId: number) {
  let read = 0;

  return (received: Received[]) => {
    for (; read < received.length; read++) {
      const { item } = received[read] as Received;
      const isDone = (item.kind === "events" ? item.events : []).some(
        ({ type, payload }) =>
          type === "campaign.status" &&
          payload.campaignId === campaignId &&
          payload.status === "DONE",
      );
      if (isDone) {
        return true;
      }
    }

    return false;
  };
}

function emailsOf(campaignId: number) {
  return db.sql.query<{
    id: number;
    status: string;
    message_id: string;
    to_address: string;
    terminal_changes: number;
  }>(
    `SELECT e.id, e.status::text AS status, e.message_id, e.to_address,
      (SELECT count(*)::int FROM email_events ev WHERE ev.email_id = e.id
        AND ev.to_status::text = ANY($2)) AS terminal_changes
    FROM emails e WHERE e.campaign_id = $1 ORDER BY e.id`,
    [campaignId, TERMINAL],
  );
}

/** How often each Message-ID reached the sink, and to whom. */
function sinkDeliveries() {
  const byMessageId = new Map<string, string[]>();
  for (const mail of sink.received) {
    const key = mail.messageId ?? "(none)";
    byMessageId.set(key, [...(byMessageId.get(key) ?? []), ...mail.to]);
  }

  return byMessageId;
}

/** How many messages reached the sink in each 5 s since `since`. */
function sinkRate(since: number) {
  const counts: number[] = [];
  for (const { at } of sink.received) {
    const slot = Math.floor((at - since) / 5_000);
    counts[slot] = (counts[slot] ?? 0) + 1;
  }

  return Array.from(counts, (n) => n ?? 0).join(" ");
}

async function reclaimedCount(campaignId: number) {
  const [row] = await db.sql.query<{ count: number }>(
    `SELECT count(DISTINCT ev.email_id)::int AS count FROM email_events ev
    JOIN emails e ON e.id = ev.email_id
    WHERE e.campaign_id = $1 AND ev.from_status = 'SENDING'
      AND (ev.reason = 'reclaimed after the lease expired'
        OR ev.reason LIKE 'its worker stopped%')`,
    [campaignId],
  );

  return row?.count ?? 0;
}

/**
 * Waits until more claims are open on the campaign than one worker's two
 * lanes can hold, so the other worker holds at least one of them: killing
 * it then always leaves emails to take over.
 */
async function untilBothWorkersHoldClaims(campaignId: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await db.sql.query<{ claims: number }>(
      `SELECT count(DISTINCT claim_token)::int AS claims FROM emails
      WHERE campaign_id = $1 AND status = 'SENDING'`,
      [campaignId],
    );
    if ((row?.claims ?? 0) > 2) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error("the two workers never held three claims at once");
    }
    await sleep(10);
  }
}

const seconds = (since: number) => ((Date.now() - since) / 1_000).toFixed(1);

async function statusCounts(campaignId: number) {
  const rows = await db.sql.query<{ status: string; count: number }>(
    `SELECT status::text || coalesce(' until ' || lease_until::text, '')
      || CASE WHEN handed_off_at IS NULL THEN '' ELSE ' handed off' END
      AS status, count(*)::int FROM emails WHERE campaign_id = $1
    GROUP BY 1`,
    [campaignId],
  );

  return JSON.stringify(
    Object.fromEntries(rows.map((r) => [r.status, r.count])),
  );
}

describe("two API and two worker processes on one PostgreSQL", () => {
  it("sends a 5,000-email campaign once each through a worker's SIGKILL, and clients of both API processes see every final status", async (context) => {
    context.skip(
      !databaseUrl,
      "needs PostgreSQL (DATABASE_URL): separate processes cannot share an embedded PGlite database",
    );
    const [apiA, apiB] = apis as [RallyProcess, RallyProcess];
    const [clientA, clientB] = [clientOf(apiA), clientOf(apiB)];
    const before = await latestEventId();
    const onA = collect((h) => clientA.events.onAll.subscribe({}, h));
    await onA.started;

    const started = Date.now();
    const { campaign } = await clientA.campaign.send.mutate({
      ruleId,
      idempotencyKey: "scale-out-campaign",
    });
    const onB = collect((h) =>
      clientB.events.onCampaign.subscribe(
        { campaignId: campaign.id, lastEventId: before },
        h,
      ),
    );
    const queuedIn = seconds(started);
    await sink.waitFor(EMAILS * 0.3, 120_000);
    await untilBothWorkersHoldClaims(campaign.id);
    await workers[0]?.stop("SIGKILL");
    const killedAt = sink.count();
    const killedIn = seconds(started);
    await Promise.all(
      [onA, onB].map((on) => on.until(isCampaignDone(campaign.id), 150_000)),
    ).catch(async (error: unknown) => {
      throw new Error(
        `${String(error)}; queued in ${queuedIn} s, killed at ${killedIn} s; emails by status: ${await statusCounts(campaign.id)}; sink: ${sink.count()}; surviving worker: ${workers[1]?.child.exitCode ?? "running"} ${workers[1]?.stderr().slice(-2_000)}`,
      );
    });
    const doneIn = seconds(started);
    onA.stop();
    onB.stop();

    const emails = await emailsOf(campaign.id);
    const deliveries = sinkDeliveries();
    const sent = emails.filter((e) => e.status === "SENT");
    const final = new Map(emails.map((e) => [e.id, e.status]));
    await context.annotate(
      `${EMAILS} emails: queued in ${queuedIn} s, a worker killed at ${killedIn} s after ${killedAt} reached the sink, done at ${doneIn} s; ${await reclaimedCount(campaign.id)} emails taken over from it; reaching the sink per 5 s: ${sinkRate(started)}`,
    );

    expect(emails).toHaveLength(EMAILS);
    expect(emails.filter((e) => !TERMINAL.includes(e.status))).toEqual([]);
    expect(emails.filter((e) => e.terminal_changes !== 1)).toEqual([]);
    expect([...deliveries.values()].filter((to) => to.length > 1)).toEqual([]);
    expect(sent.filter((e) => !deliveries.has(e.message_id))).toEqual([]);
    for (const email of sent) {
      expect(deliveries.get(email.message_id)).toEqual([email.to_address]);
    }
    expect(await reclaimedCount(campaign.id)).toBeGreaterThan(0);
    expect((await clientB.campaign.get.query({ id: campaign.id })).status).toBe(
      "DONE",
    );
    for (const on of [onA, onB]) {
      expect(on.received.filter((r) => r.item.kind === "refetch")).toEqual([]);
      expect(finalStatuses(on.received, campaign.id)).toEqual(final);
    }
  }, 300_000);
});
