import { randomBytes } from "node:crypto";

import type {
  CampaignStarter,
  CampaignStartInput,
  Clock,
  StoredEvent,
} from "@rally/api";
import type { Database } from "@rally/db";

import type { TestServer } from "../../src/testing.ts";

/** A rule (and template) for schedules to run. */
export async function seedRule(db: Database) {
  const suffix = randomBytes(4).toString("hex");
  const serviceType = await db.prisma.serviceType.create({
    data: { key: `oil-${suffix}`, name: "Oil change", defaultCadenceMonths: 6 },
  });
  const template = await db.prisma.template.create({
    data: { name: "Reminder", subject: "Time for service", html: "<p>Hi</p>" },
  });
  const rule = await db.prisma.rule.create({
    data: {
      name: `Oil due ${suffix}`,
      serviceTypeId: serviceType.id,
      cadenceMonths: 6,
      templateId: template.id,
    },
  });

  return { ruleId: rule.id, templateId: template.id };
}

/**
 * Stands in for campaign sending: records every call and makes a real
 * Campaign row, honouring the idempotency key as sending must.
 */
export function createRecordingStarter(db: Database, clock: Clock) {
  const calls: CampaignStartInput[] = [];
  let failure: string | undefined;
  let gate: Promise<void> | undefined;
  let onCall: (() => void) | undefined;

  const start: CampaignStarter = async (input) => {
    calls.push(input);
    onCall?.();
    await gate;
    if (failure) {
      throw new Error(failure);
    }
    const existing = await db.prisma.campaign.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
      select: { id: true },
    });
    if (existing) {
      return { campaignId: existing.id };
    }
    const campaign = await db.prisma.campaign.create({
      data: {
        ruleId: input.ruleId,
        templateId: input.templateId ?? null,
        idempotencyKey: input.idempotencyKey,
        status: "DONE",
        asOf: clock.now(),
      },
      select: { id: true },
    });

    return { campaignId: campaign.id };
  };

  return {
    start,
    calls,
    failWith(reason: string | undefined) {
      failure = reason;
    },
    /** Holds the next sends until released; `called` resolves on the first. */
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const called = new Promise<void>((resolve) => {
        onCall = resolve;
      });

      return {
        called,
        release() {
          gate = undefined;
          onCall = undefined;
          release();
        },
      };
    },
  };
}

/**
 * Watches events committed after this call, through the typed client's
 * WebSocket subscription; `waitFor` also finds ones that already arrived.
 */
export async function watchEvents(server: TestServer) {
  const lastEventId = await server.services.events.latestId();
  const seen: StoredEvent[] = [];
  const waiters = new Set<(event: StoredEvent) => void>();
  const subscription = server.client.events.onAll.subscribe(
    { lastEventId },
    {
      onData: ({ data }) => {
        for (const event of data.kind === "events" ? data.events : []) {
          seen.push(event);
          waiters.forEach((waiter) => waiter(event));
        }
      },
    },
  );

  return {
    waitFor(matches: (event: StoredEvent) => boolean, timeoutMs = 10_000) {
      return new Promise<StoredEvent>((resolve, reject) => {
        const found = seen.find(matches);
        if (found) {
          resolve(found);

          return;
        }
        const waiter = (event: StoredEvent) => {
          if (matches(event)) {
            finish();
            resolve(event);
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`no matching event within ${timeoutMs} ms`));
        }, timeoutMs);
        function finish() {
          clearTimeout(timer);
          waiters.delete(waiter);
        }
        waiters.add(waiter);
      });
    },
    close() {
      subscription.unsubscribe();
    },
  };
}

/** The first matching event committed after this call. */
export async function eventAfterNow(
  server: TestServer,
  matches: (event: StoredEvent) => boolean,
) {
  const events = await watchEvents(server);
  const event = events.waitFor(matches).finally(() => events.close());

  return { event };
}

export function isRunEvent(scheduledCampaignId: number, status: string) {
  return (event: StoredEvent) =>
    event.type === "schedule.run" &&
    event.payload.scheduledCampaignId === scheduledCampaignId &&
    event.payload.status === status;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Starting embedded PostgreSQL is slow on a busy machine. */
export const STARTUP_TIMEOUT_MS = 120_000;
