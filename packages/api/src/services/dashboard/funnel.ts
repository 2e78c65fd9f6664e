import { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { loadShopSettings } from "../bookings/shop.ts";

export interface FunnelInput {
  campaignId?: number | undefined;
  /** Campaigns created in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
}

interface CampaignRow {
  campaignId: number;
  createdAt: Date;
  recipients: number;
  sent: number;
  delivered: number;
  bounced: number;
  replied: number;
  booked: number;
  emailedBooked: number;
  controlRecipients: number;
  controlBooked: number;
}

type Counts = Omit<CampaignRow, "campaignId" | "createdAt">;

/** The campaigns in scope, as a CTE every funnel query starts from. */
function scope(input: FunnelInput) {
  return Prisma.sql`scope AS (
    SELECT id, created_at FROM campaigns
    WHERE (${input.campaignId ?? null}::int IS NULL OR id = ${input.campaignId ?? null}::int)
      AND (${input.from ?? null}::timestamptz IS NULL OR created_at >= ${input.from ?? null}::timestamptz)
      AND (${input.to ?? null}::timestamptz IS NULL OR created_at < ${input.to ?? null}::timestamptz)
  )`;
}

/**
 * Emailed and control vehicles per campaign, and how many booked since.
 * A recipient whose email was cancelled (the campaign was cancelled before
 * reaching it) was never emailed and is left out of the emailed group;
 * one still queued in a paused campaign is in it.
 */
const recipientCounts = Prisma.sql`
    recipients AS (
      SELECT r.campaign_id,
        count(*) FILTER (WHERE NOT r.is_control)::int AS recipients,
        count(*) FILTER (WHERE r.is_control)::int AS control_recipients,
        count(*) FILTER (WHERE NOT r.is_control AND b.vehicle_id IS NOT NULL)::int AS emailed_booked,
        count(*) FILTER (WHERE r.is_control AND b.vehicle_id IS NOT NULL)::int AS control_booked
      FROM campaign_recipients r
      JOIN scope s ON s.id = r.campaign_id
      LEFT JOIN emails e ON e.id = r.email_id
      LEFT JOIN LATERAL (
        SELECT a.vehicle_id FROM appointments a
        WHERE a.vehicle_id = r.vehicle_id AND a.status <> 'CANCELLED'
          AND a.created_at >= s.created_at
        LIMIT 1
      ) b ON true
      WHERE e.status IS DISTINCT FROM 'CANCELLED'
      GROUP BY r.campaign_id
    )`;

/** The campaign's own emails (not staff replies) by how far they got. */
const mailCounts = Prisma.sql`
    mail AS (
      SELECT e.campaign_id,
        count(*) FILTER (WHERE e.sent_at IS NOT NULL
          OR e.status IN ('SENT', 'DELIVERED', 'BOUNCED'))::int AS sent,
        count(*) FILTER (WHERE e.status = 'DELIVERED'
          OR e.delivered_at IS NOT NULL)::int AS delivered,
        count(*) FILTER (WHERE e.status = 'BOUNCED')::int AS bounced,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM emails i
          WHERE i.thread_id = e.thread_id AND i.direction = 'INBOUND'
        ))::int AS replied
      FROM emails e
      JOIN scope s ON s.id = e.campaign_id
      WHERE e.direction = 'OUTBOUND' AND NOT e.is_reply
      GROUP BY e.campaign_id
    )`;

/**
 * Recipients (vehicles emailed), sent, delivered, bounced, replied and
 * booked per campaign, from the existing tables in one pass each.
 * "booked" is what attribution credited to the campaign; the lift
 * compares any booking since the campaign began, emailed against
 * control, since the control group has no email to be credited through.
 */
async function campaignRows(services: Services, input: FunnelInput) {
  return services.db.prisma.$queryRaw<CampaignRow[]>`
    WITH ${scope(input)},
    ${recipientCounts},
    ${mailCounts},
    booked AS (
      SELECT a.campaign_id, count(DISTINCT a.vehicle_id)::int AS booked
      FROM appointments a
      JOIN scope s ON s.id = a.campaign_id
      WHERE a.status <> 'CANCELLED'
      GROUP BY a.campaign_id
    )
    SELECT s.id AS "campaignId", s.created_at AS "createdAt",
      coalesce(r.recipients, 0) AS recipients,
      coalesce(m.sent, 0) AS sent,
      coalesce(m.delivered, 0) AS delivered,
      coalesce(m.bounced, 0) AS bounced,
      coalesce(m.replied, 0) AS replied,
      coalesce(b.booked, 0) AS booked,
      coalesce(r.emailed_booked, 0) AS "emailedBooked",
      coalesce(r.control_recipients, 0) AS "controlRecipients",
      coalesce(r.control_booked, 0) AS "controlBooked"
    FROM scope s
    LEFT JOIN recipients r ON r.campaign_id = s.id
    LEFT JOIN mail m ON m.campaign_id = s.id
    LEFT JOIN booked b ON b.campaign_id = s.id
    ORDER BY s.created_at DESC, s.id DESC
    -- A shop with more campaigns than this in one period sees the newest
    -- 500, and totals over those; narrow the period to see older ones.
    LIMIT 500`;
}

interface DayRow {
  day: string;
  sent: number;
  delivered: number;
  bounced: number;
  replied: number;
  booked: number;
}

/** What happened on each local day to the campaigns in scope. */
async function dailySeries(
  services: Services,
  input: FunnelInput,
  timeZone: string,
) {
  return services.db.prisma.$queryRaw<DayRow[]>`
    WITH ${scope(input)},
    happened AS (
      SELECT e.sent_at AS at, 'sent' AS kind
      FROM emails e JOIN scope s ON s.id = e.campaign_id
      WHERE e.sent_at IS NOT NULL AND NOT e.is_reply
      UNION ALL
      SELECT e.delivered_at, 'delivered'
      FROM emails e JOIN scope s ON s.id = e.campaign_id
      WHERE e.delivered_at IS NOT NULL AND NOT e.is_reply
      UNION ALL
      SELECT coalesce(
          (SELECT min(x.occurred_at) FROM email_events x
           WHERE x.email_id = e.id AND x.to_status = 'BOUNCED'),
          e.updated_at), 'bounced'
      FROM emails e JOIN scope s ON s.id = e.campaign_id
      WHERE e.status = 'BOUNCED'
      UNION ALL
      SELECT min(i.created_at), 'replied'
      FROM emails e JOIN scope s ON s.id = e.campaign_id
      JOIN emails i ON i.thread_id = e.thread_id AND i.direction = 'INBOUND'
      WHERE e.direction = 'OUTBOUND' AND NOT e.is_reply
      GROUP BY e.id
      UNION ALL
      SELECT a.created_at, 'booked'
      FROM appointments a JOIN scope s ON s.id = a.campaign_id
      WHERE a.status <> 'CANCELLED'
    )
    SELECT to_char(at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
      count(*) FILTER (WHERE kind = 'sent')::int AS sent,
      count(*) FILTER (WHERE kind = 'delivered')::int AS delivered,
      count(*) FILTER (WHERE kind = 'bounced')::int AS bounced,
      count(*) FILTER (WHERE kind = 'replied')::int AS replied,
      count(*) FILTER (WHERE kind = 'booked')::int AS booked
    FROM happened
    GROUP BY 1
    ORDER BY 1
    LIMIT 1000`;
}

function withRates(counts: Counts) {
  const bookingRate = rate(counts.booked, counts.recipients);
  const hasControl = counts.controlRecipients > 0;
  const emailedRate = rate(counts.emailedBooked, counts.recipients);
  const controlRate = rate(counts.controlBooked, counts.controlRecipients);

  return {
    ...counts,
    bookingRate,
    control: hasControl
      ? {
          recipients: counts.controlRecipients,
          booked: counts.controlBooked,
          bookingRate: controlRate,
          emailedBookingRate: emailedRate,
          /** Percentage points the emailed group booked above control. */
          lift: emailedRate - controlRate,
          /** The same as a ratio; null when the control group booked none. */
          relativeLift: controlRate > 0 ? emailedRate / controlRate - 1 : null,
        }
      : null,
  };
}

function rate(part: number, whole: number) {
  return whole > 0 ? part / whole : 0;
}

const countKeys = [
  "recipients",
  "sent",
  "delivered",
  "bounced",
  "replied",
  "booked",
  "emailedBooked",
  "controlRecipients",
  "controlBooked",
] as const satisfies (keyof Counts)[];

/** The funnel per campaign and in total, with a series per day. */
export async function campaignFunnel(services: Services, input: FunnelInput) {
  const shop = await loadShopSettings(services.db);
  const [rows, series] = await Promise.all([
    campaignRows(services, input),
    dailySeries(services, input, shop.timeZone),
  ]);
  const totals = Object.fromEntries(
    countKeys.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)]),
  ) as Counts;

  return {
    timeZone: shop.timeZone,
    totals: withRates(totals),
    campaigns: rows.map(({ campaignId, createdAt, ...counts }) => ({
      campaignId,
      createdAt,
      ...withRates(counts),
    })),
    series,
  };
}
