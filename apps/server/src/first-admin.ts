import { createUser } from "@rally/api";
import type { Database } from "@rally/db";
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";

export const embeddedAdminEmail = "admin@rally.local";

export interface FirstAdminOptions {
  email?: string | undefined;
  password?: string | undefined;
  logger: Logger;
  /** Whether this is the embedded demo database; PGlite means it is. */
  isEmbedded?: boolean | undefined;
  /** Where the embedded demo's one-time password is shown. */
  print: (text: string) => void;
}

/**
 * A database with no staff accounts gets its first admin. The embedded
 * demo makes one with a random password and prints it once, so the quick
 * start ends at a console one can sign in to; PostgreSQL takes it from
 * RALLY_ADMIN_EMAIL and RALLY_ADMIN_PASSWORD, never from a default.
 */
export async function ensureFirstAdmin(
  db: Database,
  options: FirstAdminOptions,
) {
  if ((await db.prisma.user.count()) > 0) {
    return;
  }
  const isEmbedded = options.isEmbedded ?? db.kind === "pglite";
  const email = options.email ?? (isEmbedded ? embeddedAdminEmail : undefined);
  const password =
    options.password ??
    (isEmbedded ? randomBytes(18).toString("base64url") : undefined);
  if (!email || !password) {
    options.logger.warn(
      "no staff accounts yet: set RALLY_ADMIN_EMAIL and RALLY_ADMIN_PASSWORD, or run `pnpm rally user:create --admin`",
    );

    return;
  }
  try {
    await createUser(db, { email, password, name: "Admin", role: "ADMIN" });
  } catch (error) {
    // Another process starting at the same time made it first.
    if ((await db.prisma.user.count()) > 0) {
      return;
    }
    throw error;
  }
  options.logger.info("first admin account created");
  if (!options.password) {
    options.print(
      `Sign in as ${email} with password ${password}\n` +
        "(shown this once: keep it somewhere safe)\n",
    );
  }
}
