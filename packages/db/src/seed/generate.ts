import type { DemoServiceType } from "./catalog.ts";
import { planHistory } from "./history.ts";
import { dayMs, type LocalTime, weekdayOf } from "./local-time.ts";
import {
  emailDomains,
  firstNames,
  lastNames,
  makes,
  vinAlphabet,
} from "./names.ts";
import type { Random } from "./random.ts";
import type { DemoTables } from "./tables.ts";

/** Where the next generated row's id and external id start. */
export interface Cursor {
  customerId: number;
  vehicleId: number;
  recordId: number;
  customerNumber: number;
  vehicleNumber: number;
  recordNumber: number;
}

export interface GenerateContext {
  random: Random;
  localTime: LocalTime;
  types: readonly DemoServiceType[];
  /** Database ids of `types`, in the same order. */
  typeIds: readonly number[];
  today: number;
  now: Date;
  tables: DemoTables;
  cursor: Cursor;
}

const makeWeights = makes.reduce((sum, make) => sum + make.weight, 0);

/** One customer with `vehicleCount` vehicles and all their history. */
export function generateCustomer(ctx: GenerateContext, vehicleCount: number) {
  const { random, cursor } = ctx;
  const customerId = ++cursor.customerId;
  const number = ++cursor.customerNumber;
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  const handle = `${firstName}.${lastName}`.toLowerCase().replace(/'/g, "");
  const email = random.chance(0.92)
    ? `${handle}${number}@${random.pick(emailDomains)}`
    : null;
  const phone = random.chance(0.85)
    ? `(312) 555-${String(random.int(0, 9_999)).padStart(4, "0")}`
    : null;
  let firstDay = ctx.today - random.int(0, 30);
  for (let index = 0; index < vehicleCount; index += 1) {
    firstDay = Math.min(firstDay, generateVehicle(ctx, customerId));
  }
  const createdAt = iso(new Date((firstDay - random.int(0, 3)) * dayMs));
  ctx.tables.customers.push(
    customerId,
    `C${String(number).padStart(6, "0")}`,
    firstName,
    lastName,
    email,
    phone,
    createdAt,
    createdAt,
  );
  if (email && random.chance(0.012)) {
    const reason = random.chance(0.7) ? "UNSUBSCRIBED" : "BOUNCED";
    ctx.tables.suppressions.push(email, reason, "demo", iso(ctx.now));
  }
}

/** Returns the day the vehicle first visited. */
function generateVehicle(ctx: GenerateContext, customerId: number) {
  const { random, cursor, today } = ctx;
  const vehicleId = ++cursor.vehicleId;
  const number = ++cursor.vehicleNumber;
  const { make, model } = pickModel(random);
  const currentYear = new Date(today * dayMs).getUTCFullYear();
  const year = random.int(currentYear - 16, currentYear);
  const fate = random.next();
  const status = fate < 0.05 ? "SOLD" : fate < 0.07 ? "INACTIVE" : "ACTIVE";
  const isLapsed = status === "ACTIVE" && random.chance(0.25);
  const lastDay =
    status === "SOLD"
      ? today - random.int(180, 720)
      : isLapsed
        ? today - random.int(200, 420)
        : today - random.int(0, 20);
  const history = planHistory({ ...ctx, year, lastDay });
  const firstDay = history.firstDay ?? today - random.int(0, 60);
  const createdAt = iso(new Date(firstDay * dayMs));
  ctx.tables.vehicles.push(
    vehicleId,
    `V${String(number).padStart(7, "0")}`,
    customerId,
    vinFor(random, number),
    make,
    model,
    year,
    status,
    createdAt,
    createdAt,
  );
  writeHistory(ctx, vehicleId, history);
  if (status === "ACTIVE" && !isLapsed && random.chance(0.08)) {
    bookUpcoming(ctx, vehicleId);
  }

  return firstDay;
}

function pickModel(random: Random) {
  let roll = random.next() * makeWeights;
  const entry =
    makes.find((candidate) => (roll -= candidate.weight) < 0) ?? makes[0];

  return { make: entry.make, model: random.pick(entry.models) };
}

/** A VIN made unique by the vehicle's number in its last six characters. */
function vinFor(random: Random, number: number) {
  let prefix = "";
  for (let index = 0; index < 11; index += 1) {
    prefix += random.pick(vinAlphabet.split(""));
  }

  return prefix + String(number).padStart(6, "0").slice(-6);
}

function writeHistory(
  ctx: GenerateContext,
  vehicleId: number,
  history: ReturnType<typeof planHistory>,
) {
  const { tables, cursor, random } = ctx;
  const recordIds = history.records.map((record) => {
    const id = ++cursor.recordId;
    const number = ++cursor.recordNumber;
    tables.serviceRecords.push(
      id,
      `R${String(number).padStart(8, "0")}`,
      vehicleId,
      ctx.typeIds[record.typeIndex],
      iso(record.performedAt),
      record.odometer,
      random.chance(0.05) ? "Customer waited" : null,
      iso(record.performedAt),
    );
    if (ctx.today - record.day <= 60 && random.chance(0.4)) {
      const at = iso(record.performedAt);
      tables.appointments.push(
        vehicleId,
        ctx.typeIds[record.typeIndex],
        at,
        "COMPLETED",
        "CONSOLE",
        null,
        at,
        at,
      );
    }

    return id;
  });
  for (const decline of history.declined) {
    tables.declinedServices.push(
      recordIds[decline.recordIndex],
      ctx.typeIds[decline.typeIndex],
      decline.priceCents,
    );
  }
}

function bookUpcoming(ctx: GenerateContext, vehicleId: number) {
  const { random } = ctx;
  let day = ctx.today + random.int(1, 21);
  if (weekdayOf(day) === 7) {
    day += 1;
  }
  const hour = weekdayOf(day) === 6 ? random.int(9, 12) : random.int(8, 17);
  const typeIndex = random.chance(0.6)
    ? 0
    : random.int(1, ctx.types.length - 1);
  const bookedAt = iso(new Date(ctx.now.getTime() - random.int(1, 14) * dayMs));
  ctx.tables.appointments.push(
    vehicleId,
    ctx.typeIds[typeIndex],
    iso(ctx.localTime(day, hour, random.pick([0, 30]))),
    "SCHEDULED",
    "CONSOLE",
    null,
    bookedAt,
    bookedAt,
  );
}

function iso(date: Date) {
  return date.toISOString();
}
