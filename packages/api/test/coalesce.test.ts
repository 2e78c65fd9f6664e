import { describe, expect, it } from "vitest";

import { coalesce } from "../src/services/email/coalesce.ts";

/** A write the test finishes by hand, recording what each call carried. */
function heldWrite() {
  const calls: number[][] = [];
  const finishers: ((error?: Error) => void)[] = [];
  const write = (items: number[]) => {
    calls.push(items);

    return new Promise<number[]>((resolve, reject) => {
      finishers.push((error) =>
        error ? reject(error) : resolve(items.map((item) => item * 10)),
      );
    });
  };

  return { calls, finishers, write };
}

describe("coalesce", () => {
  it("writes the first item at once and what arrives meanwhile together", async () => {
    const { calls, finishers, write } = heldWrite();
    const add = coalesce(write);

    const first = add(1);
    const rest = [add(2), add(3), add(4)];
    expect(calls).toEqual([[1]]);

    finishers[0]?.();
    expect(await first).toBe(10);
    await Promise.resolve();
    expect(calls).toEqual([[1], [2, 3, 4]]);

    finishers[1]?.();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it("refuses only the items of a write that failed", async () => {
    const { calls, finishers, write } = heldWrite();
    const add = coalesce(write);

    const failing = add(1);
    const later = add(2);
    finishers[0]?.(new Error("connection lost"));

    await expect(failing).rejects.toThrow("connection lost");
    await Promise.resolve();
    finishers[1]?.();
    expect(await later).toBe(20);
    expect(calls).toEqual([[1], [2]]);
  });
});
