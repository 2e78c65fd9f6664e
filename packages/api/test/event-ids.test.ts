import { describe, expect, it } from "vitest";

import { compareIds } from "../src/events/coalesce.ts";
import { lastEventIdSchema } from "../src/routers/events/schemas.ts";

describe("event ids", () => {
  it("order by value across lengths, as the bigserial does", () => {
    const ids = ["10", "9", "100", "0", "99", "9223372036854775807", "11"];

    expect([...ids].sort(compareIds)).toEqual([
      "0",
      "9",
      "10",
      "11",
      "99",
      "100",
      "9223372036854775807",
    ]);
    expect(compareIds("42", "42")).toBe(0);
  });

  it("arrive from clients without leading zeros", () => {
    expect(lastEventIdSchema.parse("0042")).toBe("42");
    expect(lastEventIdSchema.parse("000")).toBe("0");
    expect(lastEventIdSchema.parse("7")).toBe("7");
  });
});
