import { Prisma } from "@rally/db";

import type { Services } from "../../context.ts";
import { DomainError, notFound } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import { materializeCohort } from "../cohort/materialize.ts";
import { domainOf } from "../email/message-id.ts";
import { loadShop, type ShopProfile } from "../email/shop.ts";
import { validateTemplate, type TemplateSource } from "../templates/render.ts";
import { sampleVariables } from "../templates/variables.ts";
import { campaignSummarySelect } from "./queries.ts";

export interface SendCampaignInput {
  ruleId: number;
  templateId?: number | undefined;
  idempotencyKey: string;
  controlShare?: number | undefined;
  scheduledCampaignId?: number | undefined;
  actorId?: number | null | undefined;
}

/**
 * Starts a campaign: the campaign, its cohort, one QUEUED email and one
 * thread per emailed customer, in one transaction; the dispatcher does
 * the sending. The same idempotency key gives back the same campaign.
 *
 * Campaign emails are queued without a body: the dispatcher renders them
 * right before sending, with the vehicles still due then, from the copy of
 * the template the campaign took here (a later edit of the template
 * changes no queued email), and stores what it sent on the email.
 */
export async function sendCampaign(
  services: Services,
  input: SendCampaignInput,
) {
  const existing = await findByKey(services, input.idempotencyKey);
  if (existing) {
    return existing;
  }
  const shop = await loadShop(services.db);
  const template = await usableTemplate(services, input, shop);
  try {
    const id = await services.db.prisma.$transaction(
      (tx) => queueCampaign(tx, services, input, template, shop),
      { timeout: 120_000 },
    );

    return { ...(await summary(services, id)), isExisting: false };
  } catch (error) {
    const isDuplicateKey =
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002";
    const raced = isDuplicateKey
      ? await findByKey(services, input.idempotencyKey)
      : null;
    if (raced) {
      return raced;
    }
    throw error;
  }
}

async function findByKey(services: Services, idempotencyKey: string) {
  const campaign = await services.db.prisma.campaign.findUnique({
    where: { idempotencyKey },
    select: { id: true },
  });

  return campaign
    ? { ...(await summary(services, campaign.id)), isExisting: true }
    : null;
}

async function summary(services: Services, id: number) {
  const campaign = await services.db.prisma.campaign.findUniqueOrThrow({
    where: { id },
    select: campaignSummarySelect,
  });
  const [emails, controls] = await Promise.all([
    services.db.prisma.email.count({ where: { campaignId: id } }),
    services.db.prisma.campaignRecipient.count({
      where: { campaignId: id, isControl: true },
    }),
  ]);

  return { campaign, emails, controls };
}

async function usableTemplate(
  services: Services,
  input: SendCampaignInput,
  shop: ShopProfile,
) {
  const rule = await services.db.prisma.rule.findUnique({
    where: { id: input.ruleId },
    select: { archivedAt: true, templateId: true },
  });
  if (!rule) {
    throw notFound("rule", input.ruleId, "ruleId");
  }
  if (rule.archivedAt) {
    throw new DomainError(
      "INVALID_INPUT",
      `rule ${input.ruleId} is archived`,
      "ruleId",
    );
  }
  const templateId = input.templateId ?? rule.templateId;
  if (!templateId) {
    throw new DomainError(
      "INVALID_INPUT",
      `rule ${input.ruleId} has no template; choose one`,
      "templateId",
    );
  }
  const template = await services.db.prisma.template.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      kind: true,
      subject: true,
      html: true,
      text: true,
      archivedAt: true,
    },
  });
  if (!template) {
    throw notFound("template", templateId, "templateId");
  }
  if (template.archivedAt) {
    throw new DomainError(
      "INVALID_STATE",
      `template ${templateId} is archived; choose a current one`,
      "templateId",
    );
  }
  // A template saved before a variable was renamed must not reach the queue.
  validateTemplate(template, sampleVariables(shop, services.publicUrl));

  return template;
}

async function queueCampaign(
  tx: Prisma.TransactionClient,
  services: Services,
  input: SendCampaignInput,
  template: TemplateSource & { id: number },
  shop: ShopProfile,
) {
  const now = services.clock.now();
  const campaign = await tx.campaign.create({
    data: {
      ruleId: input.ruleId,
      templateId: template.id,
      templateKind: template.kind,
      templateSubject: template.subject,
      templateHtml: template.html,
      templateText: template.text,
      idempotencyKey: input.idempotencyKey,
      asOf: now,
      controlShare: input.controlShare ?? 0,
      createdById: input.actorId ?? null,
      createdAt: now,
    },
    select: { id: true },
  });
  await materializeCohort(tx, {
    campaignId: campaign.id,
    ruleId: input.ruleId,
    asOf: now,
    controlShare: input.controlShare ?? 0,
  });
  const emails = await queueEmails(
    tx,
    campaign.id,
    template.subject,
    shop,
    now,
  );
  if (input.scheduledCampaignId) {
    await tx.scheduledCampaign.updateMany({
      where: { id: input.scheduledCampaignId, campaignId: null },
      data: { campaignId: campaign.id },
    });
  }
  const status = emails === 0 ? "DONE" : "QUEUED";
  if (emails === 0) {
    await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, startedAt: now, finishedAt: now },
    });
  }
  await recordEvents(tx, [
    {
      type: "campaign.status",
      campaignId: campaign.id,
      payload: { campaignId: campaign.id, status },
    },
    {
      type: "campaign.progress",
      campaignId: campaign.id,
      payload: { campaignId: campaign.id, counts: { QUEUED: emails } },
    },
  ]);

  return campaign.id;
}

/**
 * One email per customer (covering all their due vehicles), one thread
 * per email, the recipients linked and each email's first audit row: one
 * statement, however large the cohort.
 */
async function queueEmails(
  tx: Prisma.TransactionClient,
  campaignId: number,
  subject: string,
  shop: ShopProfile,
  now: Date,
) {
  const from = `"${shop.senderName.replace(/"/g, "")}" <${shop.senderEmail}>`;
  const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `WITH targets AS (
      SELECT r.customer_id, lower(c.email) AS address, min(r.vehicle_id) AS vehicle_id
      FROM campaign_recipients r JOIN customers c ON c.id = r.customer_id
      WHERE r.campaign_id = $1 AND NOT r.is_control AND c.email IS NOT NULL
      GROUP BY r.customer_id, lower(c.email)
    ), new_threads AS (
      INSERT INTO threads (customer_id, subject, last_message_at, created_at)
      SELECT customer_id, $2, $5::timestamptz, $5::timestamptz FROM targets
      RETURNING id, customer_id
    ), new_emails AS (
      INSERT INTO emails (campaign_id, thread_id, customer_id, vehicle_id,
        direction, status, to_address, from_address, subject, message_id,
        created_at, updated_at)
      SELECT $1, th.id, t.customer_id, t.vehicle_id, 'OUTBOUND', 'QUEUED',
        t.address, $3, $2, '<' || gen_random_uuid() || '@' || $4 || '>',
        $5::timestamptz, $5::timestamptz
      FROM targets t JOIN new_threads th ON th.customer_id = t.customer_id
      RETURNING id, customer_id
    ), linked AS (
      UPDATE campaign_recipients r SET email_id = e.id FROM new_emails e
      WHERE r.campaign_id = $1 AND r.customer_id = e.customer_id
        AND NOT r.is_control
      RETURNING r.id
    ), audit AS (
      INSERT INTO email_events (email_id, to_status, reason, occurred_at)
      SELECT id, 'QUEUED', 'campaign queued', $5::timestamptz FROM new_emails
      RETURNING id
    )
    SELECT (SELECT count(*) FROM new_emails) AS n,
      (SELECT count(*) FROM linked) + (SELECT count(*) FROM audit) AS touched`,
    campaignId,
    subject,
    from,
    domainOf(shop.senderEmail),
    now,
  );

  return Number(rows[0]?.n ?? 0);
}
