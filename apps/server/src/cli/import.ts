import { createReadStream, existsSync } from "node:fs";
import path from "node:path";

import {
  importKinds,
  runImport,
  systemClock,
  type ImportKind,
} from "@rally/api";
import { databaseOptionsFromEnv, migrate, openDatabase } from "@rally/db";
import { Option, type Command } from "commander";
import pino from "pino";

import { CliError, exitCodes } from "./errors.ts";

const kindNames: Record<string, ImportKind> = {
  customers: "customers",
  vehicles: "vehicles",
  "service-records": "serviceRecords",
  serviceRecords: "serviceRecords",
  appointments: "appointments",
};

interface ImportOptions {
  dryRun: boolean;
  map?: string[];
  dateOrder: "MDY" | "DMY";
}

export function addImportCommand(program: Command) {
  program
    .command("import")
    .description(
      "load a CSV export into the configured database, streaming it from disk (with the embedded database, stop the server first)",
    )
    .argument(
      "<kind>",
      `one of ${Object.keys(kindNames)
        .filter((k) => k !== "serviceRecords")
        .join(", ")}`,
    )
    .argument("<file>", "the CSV file (`,` or `;`, with or without a BOM)")
    .option("--dry-run", "report what would change without writing", false)
    .option(
      "--map <column=field...>",
      'read a field from a column the guesses miss, e.g. --map "Cust #=externalId"',
    )
    .addOption(
      new Option(
        "--date-order <order>",
        "how to read slashed dates like 03/04/2026",
      )
        .choices(["MDY", "DMY"])
        .default("MDY"),
    )
    .addHelpText(
      "after",
      `\nExit codes: 0 all rows loaded, ${exitCodes.partial} some rows rejected (listed in the output), ${exitCodes.failed} the import failed, ${exitCodes.usage} bad arguments.`,
    )
    .action(async (kindName: string, file: string, options: ImportOptions) => {
      const kind = kindNames[kindName];
      if (!kind || !importKinds.includes(kind)) {
        throw new CliError(`unknown kind "${kindName}"`, exitCodes.usage);
      }
      if (!existsSync(file)) {
        throw new CliError(`no such file: ${file}`, exitCodes.usage);
      }
      const job = await importFile(kind, file, options);
      process.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
      if (job.status === "FAILED") {
        process.exitCode = exitCodes.failed;
      } else if (job.rowsFailed > 0) {
        process.exitCode = exitCodes.partial;
      }
    });
}

/** "Header=field" pairs to the field → header mapping imports take. */
export function parseMapping(pairs: string[] = []) {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    if (at <= 0 || at === pair.length - 1) {
      throw new CliError(
        `--map wants column=field, not "${pair}"`,
        exitCodes.usage,
      );
    }
    mapping[pair.slice(at + 1).trim()] = pair.slice(0, at).trim();
  }

  return mapping;
}

async function importFile(
  kind: ImportKind,
  file: string,
  options: ImportOptions,
) {
  const mapping = parseMapping(options.map);
  const db = await openDatabase(databaseOptionsFromEnv());
  try {
    await migrate(db);

    return await runImport(
      {
        db,
        clock: systemClock,
        logger: pino({ level: "warn" }, pino.destination(2)),
      },
      {
        kind,
        fileName: path.basename(file),
        source: () => createReadStream(file),
        mapping,
        isDryRun: options.dryRun,
        dateOrder: options.dateOrder,
      },
    );
  } finally {
    await db.close();
  }
}
