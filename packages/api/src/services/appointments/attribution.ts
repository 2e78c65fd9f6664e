import type { Prisma } from "@rally/db";

/** How long after a reply a booking still counts for the campaign. */
export const defaultAttributionWindowDays = 7;

export interface Attribution {
  campaignId: number;
  emailId: number | null;
}

/**
 * The campaign that earned a booking made outside its link: the newest
 * reply from the vehicle's owner within the window, in a thread that a
 * campaign email opened.
 */
export async function attributeByReply(
  tx: Prisma.TransactionClient,
  options: { vehicleId: number; now: Date; windowDays: number },
): Promise<Attribution | null> {
  const since = new Date(
    options.now.getTime() - options.windowDays * 86_400_000,
  );
  const rows = await tx.$queryRaw<Attribution[]>`
    SELECT o.campaign_id AS "campaignId", o.id AS "emailId"
    FROM vehicles v
    JOIN emails i ON i.customer_id = v.customer_id
      AND i.direction = 'INBOUND'
      AND i.created_at >= ${since} AND i.created_at <= ${options.now}
    JOIN emails o ON o.thread_id = i.thread_id
      AND o.direction = 'OUTBOUND' AND o.campaign_id IS NOT NULL
    WHERE v.id = ${options.vehicleId}
    ORDER BY i.created_at DESC, o.created_at ASC
    LIMIT 1`;

  return rows[0] ?? null;
}
