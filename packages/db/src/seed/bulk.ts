import type { SqlRunner } from "../database.ts";

/** A column and the PostgreSQL type its values are sent as. */
export type ColumnSpec = readonly [name: string, type: string];

/**
 * Rows collected column by column and written with one
 * `INSERT … SELECT FROM unnest($1::type[], …)` per flush: one parameter per
 * column whatever the row count, so a batch of thousands of rows costs one
 * round trip and no statement-size or parameter-count limit.
 */
export class BulkTable {
  private columns: unknown[][];
  private count = 0;

  constructor(
    readonly table: string,
    private readonly specs: readonly ColumnSpec[],
    private readonly conflict = "",
  ) {
    this.columns = specs.map(() => []);
  }

  get size() {
    return this.count;
  }

  push(...values: unknown[]) {
    values.forEach((value, index) => this.columns[index]!.push(value));
    this.count += 1;
  }

  async flush(sql: SqlRunner) {
    if (this.count === 0) {
      return;
    }
    const names = this.specs.map(([name]) => name).join(", ");
    // Enum arrays travel as text[]: PGlite cannot serialise arrays of types
    // it does not know, so each value is cast once it is unnested.
    const arrays = this.specs
      .map(([, type], index) => `$${index + 1}::${wireType(type)}[]`)
      .join(", ");
    const aliases = this.specs.map((_, index) => `c${index}`);
    const values = this.specs
      .map(([, type], index) => `c${index}::${type}`)
      .join(", ");
    await sql.query(
      `INSERT INTO ${this.table} (${names})
       SELECT ${values} FROM unnest(${arrays}) AS u(${aliases.join(", ")})
       ${this.conflict}`,
      this.columns,
    );
    this.columns = this.specs.map(() => []);
    this.count = 0;
  }
}

const builtInTypes = new Set(["int", "text", "timestamptz"]);

function wireType(type: string) {
  return builtInTypes.has(type) ? type : "text";
}

/** Runs `work` in one transaction on one connection. */
export function inTransaction<T>(
  session: <R>(work: (sql: SqlRunner) => Promise<R>) => Promise<R>,
  work: (sql: SqlRunner) => Promise<T>,
) {
  return session(async (sql) => {
    await sql.exec("BEGIN");
    try {
      const result = await work(sql);
      await sql.exec("COMMIT");

      return result;
    } catch (error) {
      await sql.exec("ROLLBACK");
      throw error;
    }
  });
}
