import { replyAddressFor } from "../conversations/reply-address.ts";
import type { Database } from "@rally/db";

import {
  recipientRowsForEmails,
  unsubscribeUrl,
  variablesFromRows,
  type RecipientCheckRow,
} from "../templates/recipient-variables.ts";
import { renderTemplate, type TemplateSource } from "../templates/render.ts";
import type { ClaimedEmail } from "./claim.ts";
import { buildHeaders } from "./headers.ts";
import type { OutgoingMessage } from "./providers/provider.ts";
import type { ShopProfile } from "./shop.ts";

export type GateResult =
  | {
      kind: "send";
      email: ClaimedEmail;
      message: OutgoingMessage;
      isRendered: boolean;
    }
  | { kind: "skip"; email: ClaimedEmail; reason: string }
  | { kind: "fail"; email: ClaimedEmail; reason: string };

interface GateDeps {
  db: Database;
  secret: string;
  publicUrl: string;
  now: Date;
  shop: ShopProfile;
}

/**
 * The one place mail leaves Rally passes through here, right before the
 * provider: suppressed addresses (unsubscribed, bounced, complained) are
 * skipped for every kind of email, and a campaign email is checked again
 * against its vehicles (sold, booked since it was queued) and rendered
 * with the vehicles still due. Three queries for the whole batch.
 */
export async function gateBatch(deps: GateDeps, emails: ClaimedEmail[]) {
  const suppressed = await suppressedAmong(deps.db, emails);
  const campaignEmails = emails.filter((e) => e.campaignId !== null);
  const rows = groupByEmail(
    await recipientRowsForEmails(
      deps.db,
      campaignEmails.map((e) => e.id),
      deps.now,
    ),
  );
  const templates = await templatesOf(deps.db, campaignEmails);

  return emails.map((email): GateResult => {
    const suppression = suppressed.get(email.toAddress.toLowerCase());
    if (suppression) {
      return { kind: "skip", email, reason: `address ${suppression}` };
    }
    if (email.campaignId === null) {
      return ready(deps, email, email);
    }

    return gateCampaignEmail(deps, email, rows.get(email.id) ?? [], templates);
  });
}

function gateCampaignEmail(
  deps: GateDeps,
  email: ClaimedEmail,
  rows: RecipientCheckRow[],
  templates: Map<number, TemplateSource>,
): GateResult {
  const due = rows.filter(
    (row) => row.vehicle_status === "ACTIVE" && !row.is_booked,
  );
  if (due.length === 0) {
    const isBooked = rows.some((row) => row.is_booked);

    return {
      kind: "skip",
      email,
      reason: isBooked
        ? "vehicle booked since the campaign was queued"
        : "vehicle no longer active (sold or retired)",
    };
  }
  if (email.html !== null || email.text !== null) {
    return ready(deps, email, email);
  }
  const template = templates.get(email.campaignId as number);
  const variables = variablesFromRows(deps, deps.shop, email.id, due);
  if (!template || !variables) {
    return { kind: "fail", email, reason: "campaign has no template" };
  }
  try {
    return ready(deps, email, renderTemplate(template, variables), true);
  } catch (error) {
    return { kind: "fail", email, reason: `render: ${String(error)}` };
  }
}

function ready(
  deps: GateDeps,
  email: ClaimedEmail,
  body: { subject: string; html: string | null; text: string | null },
  isRendered = false,
): GateResult {
  const unsubscribe = unsubscribeUrl(deps, email.id);

  return {
    kind: "send",
    email,
    isRendered,
    message: {
      emailId: email.id,
      messageId: email.messageId,
      from: email.fromAddress,
      to: email.toAddress,
      subject: body.subject,
      html: body.html,
      text: body.text ?? "",
      headers: buildHeaders(email, unsubscribe, replyAddressOf(deps, email)),
    },
  };
}

/** The thread's signed reply address, at the sender's own domain. */
function replyAddressOf(deps: GateDeps, email: ClaimedEmail) {
  const domain = /@([^@>\s]+)>?\s*$/.exec(email.fromAddress)?.[1];
  if (email.threadId === null || !domain) {
    return null;
  }
  const clock = { now: () => deps.now };

  return replyAddressFor(
    { secret: deps.secret, clock },
    email.threadId,
    domain,
  );
}

async function suppressedAmong(db: Database, emails: ClaimedEmail[]) {
  const addresses = [...new Set(emails.map((e) => e.toAddress.toLowerCase()))];
  const rows = await db.sql.query<{ email: string; reason: string }>(
    "SELECT email, reason::text AS reason FROM suppressions WHERE email = ANY($1::text[])",
    [addresses],
  );

  return new Map(rows.map((row) => [row.email, row.reason.toLowerCase()]));
}

function groupByEmail(rows: RecipientCheckRow[]) {
  const groups = new Map<number, RecipientCheckRow[]>();
  for (const row of rows) {
    const id = row.email_id as number;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }

  return groups;
}

/** The copy of its template each campaign took when it was sent. */
async function templatesOf(db: Database, emails: ClaimedEmail[]) {
  const ids = [...new Set(emails.map((e) => e.campaignId as number))];
  const campaigns = await db.prisma.campaign.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      templateKind: true,
      templateSubject: true,
      templateHtml: true,
      templateText: true,
    },
  });

  return new Map(
    campaigns.flatMap((c): [number, TemplateSource][] =>
      c.templateKind && c.templateSubject !== null && c.templateHtml !== null
        ? [
            [
              c.id,
              {
                kind: c.templateKind,
                subject: c.templateSubject,
                html: c.templateHtml,
                text: c.templateText,
              },
            ],
          ]
        : [],
    ),
  );
}
