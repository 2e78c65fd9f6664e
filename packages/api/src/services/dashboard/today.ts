import type { Database, EmailStatus } from "@rally/db";
import { DateTime } from "luxon";

/** The start of the shop's local day and ISO week (Monday) around `now`. */
export function localPeriods(now: Date, timeZone: string) {
  const local = DateTime.fromJSDate(now, { zone: timeZone });

  return {
    dayStart: local.startOf("day").toJSDate(),
    weekStart: local.startOf("week").toJSDate(),
  };
}

/**
 * How many outbound emails moved into each status since `since`: an email
 * queued, sent and delivered today counts once under each of the three.
 */
export async function emailStatusesSince(db: Database, since: Date) {
  const rows = await db.prisma.$queryRaw<
    { status: EmailStatus; count: number }[]
  >`
    SELECT x.to_status AS status, count(*)::int AS count
    FROM email_events x JOIN emails e ON e.id = x.email_id
    WHERE x.occurred_at >= ${since} AND e.direction = 'OUTBOUND'
    GROUP BY x.to_status`;

  return Object.fromEntries(
    rows.map((row) => [row.status, row.count]),
  ) as Partial<Record<EmailStatus, number>>;
}

/** Appointments made since `since` that still stand. */
export function bookingsSince(db: Database, since: Date) {
  return db.prisma.appointment.count({
    where: { createdAt: { gte: since }, status: { not: "CANCELLED" } },
  });
}
