import { randomBytes } from "node:crypto";

import { createApiToken, createUser, type Role } from "@rally/api";
import { userCreateInput } from "@rally/api/schemas";
import {
  databaseOptionsFromEnv,
  migrate,
  openDatabase,
  type Database,
} from "@rally/db";
import { Option, type Command } from "commander";

import { CliError, exitCodes } from "./errors.ts";

const roles = ["ADMIN", "STAFF", "VIEWER"] as const;

async function withDatabase<T>(work: (db: Database) => Promise<T>) {
  const db = await openDatabase(databaseOptionsFromEnv());
  try {
    await migrate(db);

    return await work(db);
  } finally {
    await db.close();
  }
}

export function addAccountCommands(program: Command) {
  program
    .command("user:create")
    .description(
      "create a staff account; the password comes from RALLY_NEW_PASSWORD or is made and printed once",
    )
    .requiredOption("--email <email>", "the sign-in address")
    .option("--name <name>", "the name staff see", "Administrator")
    .addOption(
      new Option("--role <role>", "what the account may do")
        .choices(roles)
        .default("STAFF"),
    )
    .option("--admin", "shorthand for --role ADMIN")
    .action(async (options: UserOptions) => {
      const password =
        process.env.RALLY_NEW_PASSWORD ?? randomBytes(18).toString("base64url");
      const parsed = userCreateInput.safeParse({
        email: options.email,
        name: options.name,
        password,
        role: options.admin ? "ADMIN" : options.role,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(
          `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`,
          exitCodes.usage,
        );
      }
      const user = await withDatabase((db) => createUser(db, parsed.data));
      const shown = process.env.RALLY_NEW_PASSWORD
        ? ""
        : ` with password ${password} (shown this once)`;
      process.stdout.write(`created ${user.role} ${user.email}${shown}\n`);
    });
  program
    .command("token:create")
    .description("issue an API token for a tool; it is printed once")
    .requiredOption("--name <name>", "what the token is for")
    .addOption(
      new Option("--role <role>", "what the token may do")
        .choices(roles)
        .default("VIEWER"),
    )
    .requiredOption("--owner <email>", "the admin the token is issued by")
    .action(async (options: TokenOptions) => {
      const token = await withDatabase(async (db) => {
        const owner = await db.prisma.user.findUnique({
          where: { email: options.owner.toLowerCase() },
          select: { id: true, role: true },
        });
        if (owner?.role !== "ADMIN") {
          throw new CliError(`no admin account ${options.owner}`);
        }

        return createApiToken(db, {
          name: options.name,
          role: options.role,
          createdById: owner.id,
        });
      });
      process.stdout.write(`${token.token}\n`);
    });
}

interface UserOptions {
  email: string;
  name: string;
  role: Role;
  admin?: boolean;
}

interface TokenOptions {
  name: string;
  role: Role;
  owner: string;
}
