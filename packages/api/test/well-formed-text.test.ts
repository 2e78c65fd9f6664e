import { describe, expect, it } from "vitest";

import { findMalformedText } from "../src/well-formed-text.ts";

describe("text PostgreSQL cannot store", () => {
  it("names the field holding a lone surrogate or a NUL character", () => {
    expect(findMalformedText({ email: "\ud800" })).toBe("email");
    expect(findMalformedText({ a: [{ b: "x\u0000y" }] })).toBe("a.0.b");
    expect(findMalformedText("\udc00")).toBe("input");
  });

  it("accepts ordinary text, including characters outside the BMP", () => {
    expect(findMalformedText({ name: "Zoë 🚗", notes: ["ok"] })).toBe(
      undefined,
    );
  });
});
