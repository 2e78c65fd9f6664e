import type { Services } from "../../context.ts";
import { verifyToken } from "../../tokens.ts";
import { suppress } from "./suppression.ts";

export type UnsubscribeCheck =
  | { ok: true; emailId: number; address: string }
  | { ok: false; reason: string };

/** Reads a signed unsubscribe link without changing anything (for GET). */
export async function checkUnsubscribeToken(
  services: Pick<Services, "db" | "clock" | "secret">,
  token: string,
): Promise<UnsubscribeCheck> {
  const check = verifyToken(
    services.secret,
    "unsubscribe",
    token,
    services.clock.now(),
  );
  if (!check.ok) {
    return { ok: false, reason: check.reason };
  }
  const emailId = Number(check.payload);
  const email = Number.isInteger(emailId)
    ? await services.db.prisma.email.findUnique({
        where: { id: emailId },
        select: { toAddress: true },
      })
    : null;
  if (!email) {
    return { ok: false, reason: "unknown email" };
  }

  return { ok: true, emailId, address: email.toAddress };
}

/**
 * One-click unsubscribe (RFC 8058): the address is suppressed at once, so
 * the next claim of any mail to it is skipped, and it leaves every cohort.
 */
export async function unsubscribe(
  services: Pick<Services, "db" | "clock" | "secret">,
  token: string,
) {
  const check = await checkUnsubscribeToken(services, token);
  if (!check.ok) {
    return check;
  }
  await suppress(
    services.db.prisma,
    check.address,
    "UNSUBSCRIBED",
    `email ${check.emailId}`,
  );

  return check;
}
