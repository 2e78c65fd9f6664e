import { bookingLinkFor } from "../bookings/link.ts";
import type { Database } from "@rally/db";

import { notFound } from "../../errors.ts";
import { signToken } from "../../tokens.ts";
import type { ShopProfile } from "../email/shop.ts";
import {
  dateOnly,
  type TemplateVariables,
  type VehicleVariables,
} from "./variables.ts";

export interface RecipientRow {
  email_id: number | null;
  campaign_id: number;
  vehicle_id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  make: string;
  model: string;
  year: number;
  vin: string | null;
  last_service_at: Date | null;
  due_at: Date | null;
  days_overdue: number;
  service_name: string;
}

const recipientColumns = `
  r.email_id, r.campaign_id, r.vehicle_id, r.customer_id, c.first_name, c.last_name, c.email,
  v.make, v.model, v.year, v.vin, r.last_service_at, r.due_at,
  r.days_overdue, st.name AS service_name
FROM campaign_recipients r
JOIN customers c ON c.id = r.customer_id
JOIN vehicles v ON v.id = r.vehicle_id
JOIN rules ru ON ru.id = r.rule_id
JOIN service_types st ON st.id = ru.service_type_id`;

/** A year: long enough for a reminder read late, short enough to expire. */
const LINK_LIFETIME_MS = 365 * 24 * 3_600_000;

interface LinkDeps {
  secret: string;
  publicUrl: string;
  now: Date;
}

export function unsubscribeUrl(deps: LinkDeps, emailId: number) {
  const expiresAt = new Date(deps.now.getTime() + LINK_LIFETIME_MS);
  const token = signToken(
    deps.secret,
    "unsubscribe",
    String(emailId),
    expiresAt,
  );

  return `${deps.publicUrl}/unsubscribe/${token}`;
}

/** The booking page for the email's first vehicle, credited to the email. */
function bookingUrl(deps: LinkDeps, row: RecipientRow, emailId: number) {
  return bookingLinkFor(
    {
      secret: deps.secret,
      publicUrl: deps.publicUrl,
      clock: clockAt(deps.now),
    },
    { vehicleId: row.vehicle_id, emailId, campaignId: row.campaign_id },
  );
}

function clockAt(now: Date) {
  return { now: () => now };
}

/** The variables for one email from its recipient rows (one per vehicle). */
export function variablesFromRows(
  deps: LinkDeps,
  shop: ShopProfile,
  emailId: number | null,
  rows: RecipientRow[],
): TemplateVariables | null {
  const first = rows[0];
  if (!first) {
    return null;
  }
  const vehicles: VehicleVariables[] = rows.map((row) => ({
    make: row.make,
    model: row.model,
    year: row.year,
    vin: row.vin,
    lastServiceDate: dateOnly(row.last_service_at),
    dueDate: dateOnly(row.due_at),
    daysOverdue: row.days_overdue,
  }));
  const vehicle = vehicles[0] as VehicleVariables;

  return {
    customer: {
      firstName: first.first_name,
      lastName: first.last_name,
      email: first.email ?? "",
    },
    vehicle,
    vehicles,
    service: { name: first.service_name },
    lastServiceDate: vehicle.lastServiceDate,
    daysOverdue: vehicle.daysOverdue,
    shop: {
      name: shop.name,
      phone: shop.phone,
      postalAddress: shop.postalAddress,
    },
    bookingLink: emailId
      ? bookingUrl(deps, first, emailId)
      : `${deps.publicUrl}/book`,
    unsubscribeLink: emailId
      ? unsubscribeUrl(deps, emailId)
      : `${deps.publicUrl}/unsubscribe/preview`,
  };
}

export interface RecipientCheckRow extends RecipientRow {
  campaign_id: number;
  vehicle_status: string;
  is_booked: boolean;
}

/** Recipient rows of many emails in one query, most overdue vehicle first. */
export async function recipientRowsForEmails(
  db: Database,
  emailIds: number[],
  now: Date,
) {
  const rows = await db.sql.query<RecipientCheckRow>(
    `SELECT ${recipientColumns.replace(
      "FROM",
      `, r.campaign_id, v.status AS vehicle_status, EXISTS (
          SELECT 1 FROM appointments a WHERE a.vehicle_id = r.vehicle_id
          AND a.status = 'SCHEDULED' AND a.scheduled_for >= $2
        ) AS is_booked
      FROM`,
    )}
    WHERE r.email_id = ANY($1::int[])
    ORDER BY r.email_id, r.days_overdue DESC, r.vehicle_id`,
    [emailIds, now],
  );

  return rows;
}

export async function recipientVariables(
  deps: { db: Database; secret: string; publicUrl: string; now: Date },
  recipientId: number,
  shop: ShopProfile,
) {
  const rows = await deps.db.sql.query<RecipientRow>(
    `SELECT ${recipientColumns}
    WHERE (r.campaign_id, r.customer_id) = (
      SELECT campaign_id, customer_id FROM campaign_recipients WHERE id = $1)
    ORDER BY r.days_overdue DESC, r.vehicle_id`,
    [recipientId],
  );
  const variables = variablesFromRows(
    deps,
    shop,
    rows[0]?.email_id ?? null,
    rows,
  );
  if (!variables) {
    throw notFound("campaign recipient", recipientId, "recipientId");
  }

  return variables;
}
