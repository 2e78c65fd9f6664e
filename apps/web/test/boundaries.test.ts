import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("../src", import.meta.url));

async function sourceFiles() {
  const entries = await readdir(srcDir, { recursive: true });
  const files = entries.filter((file) => /\.(ts|tsx)$/.test(file));

  return Promise.all(
    files.map(async (file) => ({
      file,
      text: await readFile(path.join(srcDir, file), "utf8"),
    })),
  );
}

describe("the console's source", () => {
  it("never polls: changes arrive through the subscription", async () => {
    const polling = (await sourceFiles())
      .filter(({ text }) => /refetchInterval|setInterval/.test(text))
      .map(({ file }) => file);

    expect(polling).toEqual([]);
  });

  it("takes only types, schemas and limits from the API package", async () => {
    const valueImport = /^import\s+(?!type\b)[^;]*from\s+"@rally\/api"/m;
    const offenders = (await sourceFiles())
      .filter(({ text }) => valueImport.test(text))
      .map(({ file }) => file);

    expect(offenders).toEqual([]);
  });
});
