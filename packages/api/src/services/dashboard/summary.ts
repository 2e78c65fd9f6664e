import type { Services } from "../../context.ts";
import { loadShopSettings } from "../bookings/shop.ts";
import { everyDay } from "./daily-series.ts";
import { campaignFunnel } from "./funnel.ts";
import { bookingsSince, emailStatusesSince, localPeriods } from "./today.ts";
import { upcomingRuns } from "./upcoming-runs.ts";

const defaultPeriodDays = 30;
const upcomingDays = 7;

/**
 * The console's front page: the funnel for campaigns started in the
 * period (the last 30 days unless given), today's email activity, what
 * is booked soon, what is waiting for an answer and what sends next.
 */
export async function dashboardSummary(
  services: Services,
  input: { from?: Date | undefined; to?: Date | undefined },
) {
  const now = services.clock.now();
  const from =
    input.from ?? new Date(now.getTime() - defaultPeriodDays * 86_400_000);
  const { db } = services;
  const prisma = db.prisma;
  const { timeZone } = await loadShopSettings(db);
  const { dayStart, weekStart } = localPeriods(now, timeZone);
  const [funnel, upcoming, bookedBySource, needsReply, unread] =
    await Promise.all([
      campaignFunnel(services, { from, to: input.to }),
      prisma.appointment.count({
        where: {
          status: "SCHEDULED",
          scheduledFor: {
            gte: now,
            lt: new Date(now.getTime() + upcomingDays * 86_400_000),
          },
        },
      }),
      prisma.appointment.groupBy({
        by: ["source"],
        where: { createdAt: { gte: from, lt: input.to } },
        _count: true,
      }),
      prisma.thread.count({ where: { needsReply: true } }),
      prisma.thread.aggregate({ _sum: { unreadCount: true } }),
    ]);
  const [emailsToday, bookedThisWeek, runs] = await Promise.all([
    emailStatusesSince(db, dayStart),
    bookingsSince(db, weekStart),
    upcomingRuns(db, now),
  ]);

  return {
    period: { from, to: input.to ?? null },
    timeZone,
    funnel: {
      totals: funnel.totals,
      series: everyDay(funnel.series, { from, to: input.to ?? now, timeZone }),
    },
    emailsToday,
    appointments: {
      upcomingWeek: upcoming,
      bookedThisWeek,
      bookedBySource: Object.fromEntries(
        bookedBySource.map((row) => [row.source, row._count]),
      ),
    },
    conversations: {
      needsReply,
      unreadMessages: unread._sum.unreadCount ?? 0,
    },
    upcomingRuns: runs,
  };
}
