import { limits } from "@rally/api/limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { errorOf, startTestServer, type TestServer } from "../src/testing.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("import.inspect", () => {
  it("reads the header past a BOM and guesses each field's column", async () => {
    const head = [
      "\uFEFFCustomer No;First Name;Surname;E-Mail;Loyalty tier",
      'C1;Ana;"Ruiz; de la Vega";ana@example.com;gold',
      'C2;"Bob',
    ].join("\r\n");

    const answer = await server.client.import.inspect.mutate({
      kind: "customers",
      content: head,
    });

    expect(answer).toMatchObject({
      headers: [
        "Customer No",
        "First Name",
        "Surname",
        "E-Mail",
        "Loyalty tier",
      ],
      delimiter: ";",
      mapping: {
        externalId: "Customer No",
        firstName: "First Name",
        email: "E-Mail",
      },
    });
    expect(answer.fields).toContainEqual({
      name: "externalId",
      isRequired: true,
    });
    expect(answer.fields).toContainEqual({ name: "phone", isRequired: false });
  });

  it("leaves a required field without a guess for the person to map", async () => {
    const answer = await server.client.import.inspect.mutate({
      kind: "vehicles",
      content: "Unit ID,Make,Model,Year\nU1,Ford,Focus,2019\n",
    });

    expect(answer.mapping).toEqual({
      externalId: "Unit ID",
      make: "Make",
      model: "Model",
      year: "Year",
    });
    expect(answer.fields).toContainEqual({
      name: "customerExternalId",
      isRequired: true,
    });
  });

  it("refuses a file with no header row, naming the content", async () => {
    const error = await errorOf(
      server.client.import.inspect.mutate({
        kind: "customers",
        content: "\n\n",
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("content");
  });

  it("refuses a head past its size limit, naming the content", async () => {
    const error = await errorOf(
      server.client.import.inspect.mutate({
        kind: "customers",
        content: "a".repeat(limits.importHeadBytes + 1),
      }),
    );

    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.fieldErrors[0]?.path).toBe("content");
  });
});
