import type { Database } from "@rally/db";

import { normalizeHeader } from "./mapping.ts";

/** Names shop systems give common services, by Rally's usual keys. */
const aliases: Record<string, string[]> = {
  "oil-change": [
    "lof",
    "oil",
    "oilfilter",
    "oilandfilter",
    "lubeoilfilter",
    "oilservice",
  ],
  "tire-rotation": ["rotation", "rotatetires", "tirerotate", "rotate"],
  "brake-inspection": ["brakes", "brakecheck", "brakeinspect"],
  "coolant-flush": ["coolant", "radiatorflush", "coolantservice"],
  "transmission-service": ["transmission", "transmissionflush", "atfservice"],
  "battery-check": ["battery", "batterytest"],
  "air-filter": ["engineairfilter", "airfilterreplacement"],
  alignment: ["wheelalignment", "fourwheelalignment", "align"],
};

/**
 * Maps a service name from a file to a service type: by key, name or a
 * known alias, else the type whose name the value contains ("Synthetic oil
 * change 5W-30" is an oil change). Answers are cached per distinct name,
 * which files repeat thousands of times.
 */
export async function createServiceMatcher(db: Database) {
  const types = await db.prisma.serviceType.findMany({
    select: { id: true, key: true, name: true },
    orderBy: { id: "asc" },
  });
  const exact = new Map<string, number>();
  for (const type of types) {
    exact.set(normalizeHeader(type.key), type.id);
    exact.set(normalizeHeader(type.name), type.id);
    for (const alias of aliases[type.key] ?? []) {
      exact.set(alias, type.id);
    }
  }
  const cache = new Map<string, number | undefined>();
  const match = (value: string) => {
    const wanted = normalizeHeader(value);
    const found =
      exact.get(wanted) ??
      types.find((type) => wanted.includes(normalizeHeader(type.name)))?.id;
    if (cache.size < 10_000) {
      cache.set(value, found);
    }

    return found;
  };

  return {
    serviceTypeFor: (value: string) =>
      cache.has(value) ? cache.get(value) : match(value),
    serviceTypeNames: types.map((type) => type.name).join(", ") || "none yet",
  };
}
