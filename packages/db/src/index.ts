export * from "./database.ts";
export * from "./migrate.ts";
export type { Notifier, NotifyListener } from "./notifier.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export * from "./env.ts";
