import { signIn, systemClock } from "@rally/api";
import { createTestDatabase } from "@rally/db/testing";
import pino from "pino";
import type { Services } from "@rally/api";
import type { Database } from "@rally/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ConfigError, loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { embeddedAdminEmail, ensureFirstAdmin } from "../src/first-admin.ts";
import {
  startWorkers,
  stopWorkers,
  type Worker,
  type WorkerStarter,
} from "../src/runtime.ts";

const logger = pino({ level: "silent" });

/** Workers that write down when they start and stop. */
function recordingWorkers(names: string[]) {
  const log: string[] = [];
  const starters: WorkerStarter[] = names.map((name) => () => {
    log.push(`start ${name}`);

    return {
      name,
      stop: async () => {
        log.push(`stop ${name}`);
      },
    };
  });

  return { log, starters };
}

async function runAs(role: "api" | "worker" | "all") {
  const { log, starters } = recordingWorkers(["scheduler", "dispatcher"]);
  const running: Worker[] = [];
  await startWorkers({} as Services, role, starters, running);
  await stopWorkers(running, logger);

  return log;
}

describe("process roles", () => {
  it("runs workers in worker and all processes, stopping them in reverse", async () => {
    const expected = [
      "start scheduler",
      "start dispatcher",
      "stop dispatcher",
      "stop scheduler",
    ];

    expect(await runAs("worker")).toEqual(expected);
    expect(await runAs("all")).toEqual(expected);
  });

  it("runs no workers in api processes", async () => {
    expect(await runAs("api")).toEqual([]);
  });

  it("refuses an unknown role naming the variable", () => {
    expect(() => loadConfig({ RALLY_ROLE: "both" })).toThrow(ConfigError);
    expect(() => loadConfig({ RALLY_ROLE: "both" })).toThrow(/RALLY_ROLE/);
    expect(loadConfig({}).RALLY_ROLE).toBe("all");
  });

  it("reads allowed origins as a list of URLs", () => {
    const config = loadConfig({
      RALLY_ALLOWED_ORIGINS: "https://a.example, https://b.example",
    });

    expect(config.RALLY_ALLOWED_ORIGINS).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
    expect(() => loadConfig({ RALLY_ALLOWED_ORIGINS: "nope" })).toThrow(
      /RALLY_ALLOWED_ORIGINS/,
    );
  });
});

describe("the first admin", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  beforeEach(async () => {
    await db.prisma.auditEntry.deleteMany();
    await db.prisma.user.deleteMany();
  });

  afterAll(async () => {
    await db?.close();
  });

  it("is made with a random password, printed once, on the embedded database", async () => {
    const printed: string[] = [];
    const options = {
      isEmbedded: true,
      logger,
      print: (text: string) => printed.push(text),
    };
    await ensureFirstAdmin(db, options);
    await ensureFirstAdmin(db, options);
    const password = printed[0]?.match(/with password (\S+)/)?.[1];
    const session = await signIn(db, systemClock, {
      email: embeddedAdminEmail,
      password: password ?? "",
    });

    expect(printed).toHaveLength(1);
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(session.user.role).toBe("ADMIN");
  });

  it("needs an email and password from the environment on PostgreSQL", async () => {
    const printed: string[] = [];
    const base = {
      isEmbedded: false,
      logger,
      print: (text: string) => printed.push(text),
    };
    await ensureFirstAdmin(db, base);
    const without = await db.prisma.user.count();
    await ensureFirstAdmin(db, {
      ...base,
      email: "owner@shop.example",
      password: "from the environment",
    });
    const admin = await db.prisma.user.findFirst({
      select: { email: true, role: true },
    });

    expect(without).toBe(0);
    expect(admin).toEqual({ email: "owner@shop.example", role: "ADMIN" });
    expect(printed).toEqual([]);
  });
});

describe("the logger", () => {
  it("redacts credentials wherever they appear", () => {
    const lines: string[] = [];
    const logger = createLogger("info", "rally", {
      write: (line: string) => lines.push(line),
    });
    logger.info(
      {
        req: { headers: { authorization: "Bearer rally_abc", cookie: "s=1" } },
        user: { password: "hunter2 hunter2" },
        created: { token: "rally_def" },
        secret: "signing secret",
      },
      "call",
    );

    expect(lines.join("")).not.toMatch(
      /rally_abc|s=1|hunter2|rally_def|signing/,
    );
    expect(lines.join("")).toContain("[redacted]");
  });
});
