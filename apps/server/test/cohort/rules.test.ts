import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  errorOf,
  startTestServer,
  type TestServer,
} from "../../src/testing.ts";
import { cohortHarness } from "./harness.ts";

let server: TestServer;
let h: ReturnType<typeof cohortHarness>;

beforeAll(async () => {
  server = await startTestServer();
  h = cohortHarness(server);
});

afterAll(async () => {
  await server?.close();
});

describe("rule procedures", () => {
  it("creates, reads, lists, updates and archives a rule", async () => {
    const { client } = server;
    const type = await h.build.serviceType();
    const created = await client.rule.create.mutate({
      name: "Oil change due",
      serviceTypeId: type.id,
      cadenceMonths: 6,
      mileageInterval: 5_000,
      filters: { make: "Toyota", yearMin: 2010 },
    });
    const updated = await client.rule.update.mutate({
      id: created.id,
      cadenceMonths: 9,
      mileageInterval: null,
    });
    const fetched = await client.rule.get.query({ id: created.id });
    const listed = await client.rule.list.query({});
    const archived = await client.rule.archive.mutate({ id: created.id });
    const listedAfter = await client.rule.list.query({});
    const archivedList = await client.rule.list.query({ isArchived: true });

    expect(created).toMatchObject({
      kind: "SERVICE_DUE",
      serviceType: { id: type.id },
      filters: { make: "Toyota", yearMin: 2010 },
    });
    expect(updated).toMatchObject({ cadenceMonths: 9, mileageInterval: null });
    expect(fetched.cadenceMonths).toBe(9);
    expect(listed.items.map((r) => r.id)).toContain(created.id);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(listedAfter.items.map((r) => r.id)).not.toContain(created.id);
    expect(archivedList.items.map((r) => r.id)).toContain(created.id);
  });

  it("creates a declined-work rule with sorted, distinct offsets", async () => {
    const type = await h.build.serviceType();
    const rule = await server.client.rule.create.mutate({
      name: "Brakes declined",
      kind: "DECLINED_WORK",
      serviceTypeId: type.id,
      cadenceMonths: 1,
      declinedOffsetsDays: [90, 30, 60, 30],
    });

    expect(rule.declinedOffsetsDays).toEqual([30, 60, 90]);
  });

  it.each([0, -1, 1.5, 121])(
    "rejects a cadence of %s as BAD_REQUEST naming cadenceMonths",
    async (cadenceMonths) => {
      const type = await h.build.serviceType();
      const error = await errorOf(
        server.client.rule.create.mutate({
          name: "Bad",
          serviceTypeId: type.id,
          cadenceMonths,
        }),
      );

      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(error.data?.fieldErrors[0]?.path).toBe("cadenceMonths");
    },
  );

  it("rejects a declined-work rule without offsets", async () => {
    const type = await h.build.serviceType();
    const error = await errorOf(
      server.client.rule.create.mutate({
        name: "No offsets",
        kind: "DECLINED_WORK",
        serviceTypeId: type.id,
        cadenceMonths: 1,
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("declinedOffsetsDays");
  });

  it("refuses a misspelt filter rather than widening the rule to every vehicle", async () => {
    const type = await h.build.serviceType();
    const before = await server.db.prisma.rule.count();

    const error = await errorOf(
      server.client.rule.create.mutate({
        name: "Toyotas only",
        serviceTypeId: type.id,
        cadenceMonths: 6,
        filters: { mkae: "Toyota" } as never,
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors.map((f) => f.path)).toEqual([
      "filters.mkae",
    ]);
    expect(await server.db.prisma.rule.count()).toBe(before);
  });

  it("stops a rule whose saved filters no longer read instead of widening it", async () => {
    const type = await h.build.serviceType();
    const rule = await server.client.rule.create.mutate({
      name: "Recent Hondas",
      serviceTypeId: type.id,
      cadenceMonths: 6,
      filters: { make: "Honda" },
    });
    await server.db.prisma.rule.update({
      where: { id: rule.id },
      data: { filters: { make: 42 } },
    });

    const preview = await errorOf(
      server.client.cohort.preview.query({ ruleId: rule.id }),
    );

    const rows = await server.client.dashboard.dueByRule.query();

    expect(preview.data?.code).toBe("CONFLICT");
    expect(preview.message).toContain("saved filters cannot be read");
    // The front page names the broken rule and still counts the others.
    expect(rows.find((row) => row.id === rule.id)).toMatchObject({
      due: null,
      eligible: null,
      problem: expect.stringContaining("saved filters cannot be read"),
    });
    expect(
      rows.filter((row) => row.id !== rule.id).every((row) => row.due !== null),
    ).toBe(true);
  });

  it("reports an unknown service type, template or rule as NOT_FOUND", async () => {
    const type = await h.build.serviceType();
    const unknownType = await errorOf(
      server.client.rule.create.mutate({
        name: "x",
        serviceTypeId: 999_999,
        cadenceMonths: 6,
      }),
    );
    const unknownTemplate = await errorOf(
      server.client.rule.create.mutate({
        name: "x",
        serviceTypeId: type.id,
        cadenceMonths: 6,
        templateId: 999_999,
      }),
    );
    const unknownRule = await errorOf(
      server.client.rule.get.query({ id: 999_999 }),
    );

    expect(unknownType.data?.code).toBe("NOT_FOUND");
    expect(unknownType.data?.fieldErrors[0]?.path).toBe("serviceTypeId");
    expect(unknownTemplate.data?.fieldErrors[0]?.path).toBe("templateId");
    expect(unknownRule.data?.code).toBe("NOT_FOUND");
    expect(unknownRule.message).toContain("999999");
  });

  it.each(["QUEUED", "SENDING", "PAUSED"] as const)(
    "refuses to archive a rule with a %s campaign as CONFLICT",
    async (status) => {
      const type = await h.build.serviceType();
      const rule = await h.build.rule({ serviceTypeId: type.id });
      const campaign = await h.build.campaign(rule.id, status);

      const error = await errorOf(
        server.client.rule.archive.mutate({ id: rule.id }),
      );

      expect(error.data?.code).toBe("CONFLICT");
      expect(error.message).toContain(`campaign ${campaign.id}`);
      expect(error.message).toContain(status);
    },
  );

  it("archives a rule whose campaigns are done, and then refuses edits", async () => {
    const type = await h.build.serviceType();
    const rule = await h.build.rule({ serviceTypeId: type.id });
    await h.build.campaign(rule.id, "DONE");
    await server.client.rule.archive.mutate({ id: rule.id });

    const error = await errorOf(
      server.client.rule.update.mutate({ id: rule.id, name: "Renamed" }),
    );

    expect(error.data?.code).toBe("CONFLICT");
  });
});

describe("cohort procedures reject bad input", () => {
  it("rejects a page size above 500 and an asOf that is not a date", async () => {
    const type = await h.build.serviceType();
    const rule = await h.build.rule({ serviceTypeId: type.id });
    const tooBig = await errorOf(
      server.client.cohort.preview.query({ ruleId: rule.id, limit: 501 }),
    );
    const notADate = await errorOf(
      server.client.cohort.preview.query({
        ruleId: rule.id,
        asOf: "yesterday" as never,
      }),
    );
    const invalidDate = await errorOf(
      server.client.cohort.explain.query({
        ruleId: rule.id,
        vehicleId: 1,
        asOf: new Date("not a date"),
      }),
    );

    expect(tooBig.data?.code).toBe("BAD_REQUEST");
    expect(tooBig.data?.fieldErrors[0]?.path).toBe("limit");
    expect(notADate.data?.code).toBe("BAD_REQUEST");
    expect(notADate.data?.fieldErrors[0]?.path).toBe("asOf");
    expect(invalidDate.data?.fieldErrors[0]?.path).toBe("asOf");
  });

  it("reports unknown rules, vehicles and service types as NOT_FOUND", async () => {
    const type = await h.build.serviceType();
    const rule = await h.build.rule({ serviceTypeId: type.id });
    const noRule = await errorOf(
      server.client.cohort.preview.query({ ruleId: 999_999 }),
    );
    const noVehicle = await errorOf(
      server.client.cohort.explain.query({
        ruleId: rule.id,
        vehicleId: 999_999,
      }),
    );
    const noType = await errorOf(
      server.client.cohort.preview.query({
        criteria: { serviceTypeId: 999_999, cadenceMonths: 6 },
      }),
    );

    expect(noRule.data?.code).toBe("NOT_FOUND");
    expect(noRule.data?.fieldErrors[0]?.path).toBe("ruleId");
    expect(noVehicle.data?.fieldErrors[0]?.path).toBe("vehicleId");
    expect(noType.data?.code).toBe("NOT_FOUND");
    expect(noType.data?.fieldErrors[0]?.path).toBe("criteria.serviceTypeId");
  });

  it("rejects a preview with neither or both of ruleId and criteria", async () => {
    const neither = await errorOf(server.client.cohort.preview.query({}));
    const badCriteria = await errorOf(
      server.client.cohort.preview.query({
        criteria: { serviceTypeId: 1, cadenceMonths: 0 },
      }),
    );

    expect(neither.data?.code).toBe("BAD_REQUEST");
    expect(badCriteria.data?.fieldErrors[0]?.path).toBe(
      "criteria.cadenceMonths",
    );
  });
});
