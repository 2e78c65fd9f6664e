import type { Prisma } from "@rally/db";

/** Heard by every API process when a token or account loses access. */
export const CREDENTIALS_CHANNEL = "rally_credentials";

/**
 * Tells every process, on commit, that some credential may have lost
 * access, so that sockets opened with it are checked again and closed.
 */
export async function announceCredentialChange(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`SELECT pg_notify(${CREDENTIALS_CHANNEL}, '')`;
}
