import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProgram } from "../src/cli/program.ts";
import { startTestServer, type TestServer } from "../src/testing.ts";
import { repoDir, runScript } from "./spawn.ts";

let server: TestServer;
let token = "";
const serverDir = path.join(repoDir, "apps", "server");
const rally = (...args: string[]) =>
  runScript("src/cli/main.ts", args, {
    cwd: serverDir,
    env: { RALLY_TOKEN: token },
  });

beforeAll(async () => {
  server = await startTestServer();
  token = await server.tokenFor("STAFF");
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("rally call", () => {
  it("calls queries and mutations by path and prints JSON", async () => {
    const created = await rally(
      "call",
      "customer.create",
      '{"firstName":"Ana","lastName":"Ruiz","externalId":"CLI-1"}',
      "--url",
      server.url,
    );
    const customer = JSON.parse(created.stdout) as { id: number };
    const fetched = await server.client.customer.get.query({
      id: customer.id,
    });

    expect(created.code).toBe(0);
    expect(fetched).toMatchObject({ firstName: "Ana", externalId: "CLI-1" });
  }, 120_000);

  it("exits 1 with the server's code when the call is refused", async () => {
    const [refused, unknown] = await Promise.all([
      rally("call", "customer.list", '{"limit":9999}', "--url", server.url),
      rally("call", "customer.nope", "--url", server.url),
    ]);

    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toContain("BAD_REQUEST");
    expect(refused.stderr).toContain("limit");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("customer.list");
  }, 120_000);

  it("prints subscription events one per line", async () => {
    const { client } = server;
    const before = await server.services.events.latestId();
    const type = await client.serviceType.create.mutate({
      key: "oil-change",
      name: "Oil change",
      defaultCadenceMonths: 6,
    });
    const owner = await client.customer.create.mutate({
      firstName: "Bo",
      lastName: "Sun",
    });
    const vehicle = await client.vehicle.create.mutate({
      customerId: owner.id,
      make: "Kia",
      model: "Soul",
      year: 2020,
    });
    await client.serviceRecord.create.mutate({
      vehicleId: vehicle.id,
      serviceTypeId: type.id,
      performedAt: new Date("2026-05-01T10:00:00Z"),
    });

    const followed = await rally(
      "call",
      "events.onAll",
      JSON.stringify({ lastEventId: before }),
      "--max-events",
      "3",
      "--url",
      server.url,
    );
    const lines = followed.stdout.trim().split("\n");

    expect(followed.code).toBe(0);
    const printed = lines.map(
      (line) => JSON.parse(line) as { id: string; event: { type: string } },
    );

    expect(printed.map(({ event }) => event.type)).toEqual([
      "customer.changed",
      "vehicle.changed",
      "serviceRecord.created",
    ]);
    // Each line's id is where a follower resumes after that event.
    expect(printed.map(({ id }) => BigInt(id) > BigInt(before))).toEqual([
      true,
      true,
      true,
    ]);
  }, 120_000);
});

describe("rally import and --help", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rally-cli-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("imports a file into the configured database and exits 3 on rejected rows", async () => {
    const file = path.join(dataDir, "customers.csv");
    writeFileSync(file, "Cust #;First;Last\nK1;Ana;Ruiz\nK2;;Lee\n");
    const result = await runScript(
      "src/cli/main.ts",
      ["import", "customers", file, "--map", "Cust #=externalId"],
      {
        cwd: serverDir,
        env: { DATABASE_URL: "", RALLY_DATA_DIR: path.join(dataDir, "db") },
      },
    );

    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: "DONE",
      rowsOk: 1,
      errors: [{ line: 3, field: "firstName" }],
    });
  }, 180_000);

  it("creates an admin, then a token issued by them, each shown once", async () => {
    const env = { DATABASE_URL: "", RALLY_DATA_DIR: path.join(dataDir, "db") };
    const run = (...args: string[]) =>
      runScript("src/cli/main.ts", args, { cwd: serverDir, env });
    const user = await run(
      "user:create",
      "--admin",
      "--email",
      "Owner@Shop.test",
      "--name",
      "Shop Owner",
    );
    const token = await run(
      "token:create",
      "--name",
      "reports",
      "--owner",
      "owner@shop.test",
    );
    const stranger = await run(
      "token:create",
      "--name",
      "x",
      "--owner",
      "nobody@shop.test",
    );

    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/created ADMIN owner@shop\.test with password/);
    expect(token).toMatchObject({ code: 0 });
    expect(token.stdout).toMatch(/^rally_\S+\n$/);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain("no admin account nobody@shop.test");
  }, 180_000);

  it("explains every command with --help", () => {
    const program = createProgram();
    const names = program.commands.map((command) => command.name());

    expect(names).toEqual([
      "serve",
      "migrate",
      "seed",
      "import",
      "call",
      "user:create",
      "token:create",
    ]);
    for (const command of program.commands) {
      expect(command.helpInformation()).toContain(
        `Usage: rally ${command.name()}`,
      );
    }
  });
});
