import type { Actor, Context } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { audit } from "../audit.ts";
import { domainOf, newMessageId } from "../email/message-id.ts";
import { loadShop } from "../email/shop.ts";
import { previewTemplate, type TemplateInput } from "./templates.ts";

/** Test sends allowed per hour across the shop, whoever sends them. */
export const testSendLimits = { perHour: 20 } as const;

export interface TestSendInput {
  templateId?: number | undefined;
  draft?: TemplateInput | undefined;
  recipientId?: number | undefined;
  customerId?: number | undefined;
  to: string;
}

type TestSendContext = Context & { actor: Actor };

/**
 * Renders a template as `template.preview` does and sends it to one
 * address through the configured provider, marked as a test in its subject
 * and headers. It is no campaign email and skips the queue: nothing is
 * recorded against a customer, only an audit entry, which the hourly limit
 * counts. Suppressed addresses are refused as the dispatcher's gate would.
 */
export async function sendTestEmail(
  ctx: TestSendContext,
  input: TestSendInput,
) {
  const provider = ctx.emailProvider;
  if (!provider) {
    throw new DomainError(
      "INVALID_STATE",
      "this server has no email provider configured, so it cannot send",
    );
  }
  await assertUnderLimit(ctx);
  await assertNotSuppressed(ctx, input.to);
  const rendered = await previewTemplate(
    { ...ctx, now: ctx.clock.now() },
    input,
  );
  const shop = await loadShop(ctx.db);
  const messageId = newMessageId(domainOf(shop.senderEmail));
  const subject = `[Test] ${rendered.subject}`;
  const result = await provider.send({
    emailId: 0,
    messageId,
    from: `"${shop.senderName.replace(/"/g, "")}" <${shop.senderEmail}>`,
    to: input.to,
    subject,
    text: rendered.text,
    html: rendered.html,
    headers: { "X-Rally-Test": "true" },
  });
  await audit(
    ctx.db.prisma,
    ctx.actor,
    "template.testSend",
    input.templateId ? `template:${input.templateId}` : null,
    { isSent: result.ok },
  );
  if (!result.ok) {
    throw new DomainError(
      "INVALID_STATE",
      `the email provider refused the test email: ${result.reason}`,
      "to",
    );
  }

  return { messageId, subject, to: input.to };
}

/**
 * Counts the past hour's test sends in the audit log, so the limit holds
 * across API processes. The hour runs on the database's clock, which
 * stamps audit entries, not on the injected one.
 */
async function assertUnderLimit(ctx: TestSendContext) {
  const [row] = await ctx.db.sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM audit_entries
    WHERE action = 'template.testSend'
      AND created_at > now() - interval '1 hour'`,
    [],
  );
  if ((row?.count ?? 0) >= testSendLimits.perHour) {
    throw new DomainError(
      "RATE_LIMITED",
      `at most ${testSendLimits.perHour} test emails an hour; try again later`,
    );
  }
}

async function assertNotSuppressed(ctx: TestSendContext, to: string) {
  const suppression = await ctx.db.prisma.suppression.findUnique({
    where: { email: to.toLowerCase() },
    select: { reason: true },
  });
  if (suppression) {
    throw new DomainError(
      "INVALID_INPUT",
      `${to} is suppressed (${suppression.reason.toLowerCase()}); ` +
        "Rally does not email it, tests included",
      "to",
    );
  }
}
