import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../src/database.ts";
import {
  isDatabaseEmpty,
  resetDatabase,
  seedDemoShop,
  type SeedSummary,
} from "../src/seed/index.ts";
import { seedCommand } from "../src/seed/command.ts";
import { createTestDatabase } from "../src/testing.ts";

const now = new Date("2026-12-03T15:00:00Z");
let first: Database;
let second: Database;
let summary: SeedSummary;
let durationMs: number;

beforeAll(async () => {
  [first, second] = await Promise.all([
    createTestDatabase(),
    createTestDatabase(),
  ]);
  const startedAt = performance.now();
  summary = await seedDemoShop(first, { now, seed: 7 });
  durationMs = performance.now() - startedAt;
  await seedDemoShop(second, { now, seed: 7 });
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

function sample(db: Database, customerIds = [1, 17, 250, 499]) {
  return db.sql.query(
    `SELECT c.external_id, c.first_name, c.last_name, c.email, v.vin, v.make,
            v.model, v.year, v.status, r.performed_at, r.odometer,
            r.service_type_id
     FROM customers c
     JOIN vehicles v ON v.customer_id = c.id
     LEFT JOIN service_records r ON r.vehicle_id = v.id
     WHERE c.id = ANY($1::int[])
     ORDER BY c.id, v.id, r.id`,
    [customerIds],
  );
}

describe("the demo seed", () => {
  it("builds about 500 customers and 700 vehicles with history", () => {
    expect(summary).toMatchObject({
      customers: 500,
      vehicles: 700,
      serviceTypes: 8,
      templates: 5,
      rules: 5,
    });
    expect(summary.serviceRecords).toBeGreaterThan(3_000);
    expect(summary.declinedServices).toBeGreaterThan(100);
    expect(summary.appointments).toBeGreaterThan(20);
    expect(summary.suppressions).toBeGreaterThan(0);
  });

  // About 0.6 s on an idle laptop; the margin is for busy CI machines.
  it("completes within a few seconds", () => {
    expect(durationMs).toBeLessThan(20_000);
  });

  it("gives the same data for the same seed", async () => {
    const [a, b] = await Promise.all([sample(first), sample(second)]);

    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it("gives different data for another seed", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoShop(other, { now, seed: 8, vehicles: 30 });

      expect(await sample(other, [1, 17])).not.toEqual(
        await sample(first, [1, 17]),
      );
    } finally {
      await other.close();
    }
  }, 120_000);

  it("keeps odometers rising and history within three years of now", async () => {
    const [row] = await first.sql.query<{
      backwards: number;
      oldest: Date;
      newest: Date;
    }>(
      `SELECT
         (SELECT count(*)::int FROM (
            SELECT odometer < lag(odometer) OVER w AS is_backwards
            FROM service_records WINDOW w AS (
              PARTITION BY vehicle_id ORDER BY performed_at)
          ) s WHERE is_backwards) AS backwards,
         min(performed_at) AS oldest, max(performed_at) AS newest
       FROM service_records`,
    );
    const threeYearsAgo = new Date(now.getTime() - 3 * 366 * 86_400_000);

    expect(row?.backwards).toBe(0);
    expect(row!.oldest.getTime()).toBeGreaterThan(threeYearsAgo.getTime());
    expect(row!.newest.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("has sold vehicles, upcoming appointments and priced declines", async () => {
    const [row] = await first.sql.query<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM vehicles WHERE status = 'SOLD') AS sold,
         (SELECT count(*)::int FROM appointments
          WHERE status = 'SCHEDULED' AND scheduled_for > $1) AS upcoming,
         (SELECT min(price_cents)::int FROM declined_services) AS cheapest`,
      [now.toISOString()],
    );

    expect(row?.sold).toBeGreaterThan(10);
    expect(row?.upcoming).toBeGreaterThan(10);
    expect(row?.cheapest).toBeGreaterThan(0);
  });

  it("writes shop settings, Liquid templates and rules", async () => {
    const shop = await first.prisma.shopSettings.findUniqueOrThrow({
      where: { id: 1 },
    });
    const templates = await first.prisma.template.findMany();
    const rules = await first.prisma.rule.findMany({
      select: { name: true, cadenceMonths: true, templateId: true },
    });

    expect(shop).toMatchObject({
      timeZone: "America/Chicago",
      frequencyCapDays: 7,
    });
    expect(templates[0]?.html).toContain("{{ customer.firstName }}");
    expect(templates[0]?.html).toContain("{{ unsubscribeUrl }}");
    expect(rules).toContainEqual({
      name: "Oil change due",
      cadenceMonths: 6,
      templateId: templates[0]?.id,
    });
  });

  it("leaves ids to the sequences afterwards", async () => {
    const customer = await first.prisma.customer.create({
      data: { firstName: "Walk", lastName: "In" },
    });

    expect(customer.id).toBe(501);
  });
});

describe("seeding at other sizes", () => {
  it("scales to the number of vehicles asked for and reports progress", async () => {
    const db = await createTestDatabase();
    const progress: number[] = [];
    try {
      const small = await seedDemoShop(db, {
        now,
        vehicles: 2_100,
        onProgress: (done, total) => progress.push(done / total),
      });

      expect(small.vehicles).toBe(2_100);
      expect(small.customers).toBe(1_500);
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1)).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("empties a seeded database on reset", async () => {
    const wasEmpty = await isDatabaseEmpty(first);
    await resetDatabase(first);

    expect(wasEmpty).toBe(false);
    expect(await isDatabaseEmpty(first)).toBe(true);
  });
});

describe("pnpm db:seed", () => {
  const run = promisify(execFile);
  const dataDir = mkdtempSync(path.join(tmpdir(), "rally-seed-"));
  const env = { ...process.env, RALLY_DATA_DIR: dataDir, DATABASE_URL: "" };
  const seed = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/bin/seed.ts", ...args], {
      cwd: path.join(import.meta.dirname, ".."),
      env,
    });

  afterAll(() =>
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 }),
  );

  it("refuses a non-empty database unless told to reset", async () => {
    const seeded = await seedCommand({
      database: { dataDir },
      vehicles: 30,
      seed: 1,
      isReset: false,
      progress: new PassThrough(),
    });
    const refusal = await seed("--vehicles", "30").catch(
      (error: { code: number; stderr: string }) => error,
    );
    const reseeded = await seedCommand({
      database: { dataDir },
      vehicles: 40,
      seed: 1,
      isReset: true,
      progress: new PassThrough(),
    });

    expect(seeded.summary.vehicles).toBe(30);
    expect(refusal).toMatchObject({ code: 2 });
    expect((refusal as { stderr: string }).stderr).toContain("--reset");
    expect(reseeded.summary.vehicles).toBe(40);
  }, 180_000);
});
