import type { Prisma, SuppressionReason } from "@rally/db";

/**
 * Adds an address Rally must never email again. The first reason stays:
 * an unsubscribed address that later bounces is still "unsubscribed".
 */
export async function suppress(
  tx: Prisma.TransactionClient,
  email: string,
  reason: SuppressionReason,
  source: string,
) {
  await tx.suppression.createMany({
    data: [{ email: email.toLowerCase(), reason, source }],
    skipDuplicates: true,
  });
}
