import type { Database } from "../database.ts";

export interface SeedOptions {
  vehicles?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function seedDemoShop(db: Database, options: SeedOptions) {
  void db;
  void options;
  throw new Error("the demo seed is being written");
}
