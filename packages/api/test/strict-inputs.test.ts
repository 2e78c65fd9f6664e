import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { appRouter } from "../src/router.ts";

type Schema = z.core.$ZodType;

/** The object a procedure's input is, under `.optional()` or `.default()`. */
function objectOf(schema: Schema): z.core.$ZodObjectDef | undefined {
  const def = schema._zod.def;
  if (def.type === "object") {
    return def as z.core.$ZodObjectDef;
  }
  if (def.type === "optional" || def.type === "default") {
    return objectOf((def as z.core.$ZodDefaultDef).innerType);
  }

  return undefined;
}

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: Schema[] } }
  >,
);

describe("procedure inputs", () => {
  it("are objects that refuse fields they do not take", () => {
    const lenient = procedures.flatMap(([path, procedure]) =>
      procedure._def.inputs
        .map((input) => objectOf(input))
        .filter((object) => object?.catchall?._zod.def.type !== "never")
        .map(() => path),
    );

    // A typo in an optional field ("templteId") would otherwise be dropped
    // and the call would do something else than the caller meant.
    expect(procedures.length).toBeGreaterThan(50);
    expect(lenient).toEqual([]);
  });
});
