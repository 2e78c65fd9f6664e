import type { Database } from "@rally/db";

/** How many upcoming runs the front page lists. */
const shownRuns = 5;

export interface UpcomingRun {
  kind: "one-off" | "recurring";
  /** The scheduled campaign's or the recurring schedule's id. */
  id: number;
  name: string;
  ruleName: string;
  runAt: Date;
}

/**
 * The next planned sends: pending one-off runs and the next occurrence of
 * each running recurring schedule (whose occurrences become rows only
 * when due), soonest first.
 */
export async function upcomingRuns(
  db: Database,
  now: Date,
): Promise<UpcomingRun[]> {
  const [oneOffs, recurring] = await Promise.all([
    db.prisma.scheduledCampaign.findMany({
      where: {
        status: "PENDING",
        recurringScheduleId: null,
        runAt: { gte: now },
      },
      select: { id: true, runAt: true, rule: { select: { name: true } } },
      orderBy: { runAt: "asc" },
      take: shownRuns,
    }),
    db.prisma.recurringSchedule.findMany({
      where: { isPaused: false, nextRunAt: { not: null } },
      select: {
        id: true,
        name: true,
        nextRunAt: true,
        rule: { select: { name: true } },
      },
      orderBy: { nextRunAt: "asc" },
      take: shownRuns,
    }),
  ]);
  const runs: UpcomingRun[] = [
    ...oneOffs.map((run) => ({
      kind: "one-off" as const,
      id: run.id,
      name: run.rule.name,
      ruleName: run.rule.name,
      runAt: run.runAt,
    })),
    ...recurring.map((schedule) => ({
      kind: "recurring" as const,
      id: schedule.id,
      name: schedule.name,
      ruleName: schedule.rule.name,
      runAt: schedule.nextRunAt as Date,
    })),
  ];

  return runs
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
    .slice(0, shownRuns);
}
