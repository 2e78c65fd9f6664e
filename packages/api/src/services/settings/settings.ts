import { Prisma, type Database } from "@rally/db";
import type { z } from "zod";

import type { Actor } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { recordEvents } from "../../events/record.ts";
import {
  shopSettingsInput,
  type settingsUpdateInput,
  type ShopSettingsValues,
} from "../../settings-schemas.ts";
import { audit } from "../audit.ts";
import { shopDefaults } from "../bookings/shop.ts";
import { defaultFrequencyCapDays } from "../cohort/shop.ts";
import { EMAIL_QUEUED_CHANNEL } from "../email/dispatcher.ts";

type Tx = Prisma.TransactionClient;
type Field = keyof ShopSettingsValues;

const settingsSelect = {
  name: true,
  timeZone: true,
  openingHours: true,
  bayCapacity: true,
  senderName: true,
  senderEmail: true,
  postalAddress: true,
  phone: true,
  bookingBaseUrl: true,
  frequencyCapDays: true,
  sendWindow: true,
  updatedAt: true,
} as const satisfies Prisma.ShopSettingsSelect;

/** What a shop that never saved its settings runs with. */
const unsaved: ShopSettingsValues = {
  name: "Your shop",
  timeZone: shopDefaults.timeZone,
  openingHours: [...shopDefaults.openingHours],
  bayCapacity: shopDefaults.bayCapacity,
  senderName: "Your shop",
  senderEmail: shopDefaults.senderEmail,
  postalAddress: "",
  phone: null,
  bookingBaseUrl: null,
  frequencyCapDays: defaultFrequencyCapDays,
  sendWindow: null,
};

/** Changing these moves when a sleeping dispatcher should next wake. */
const sendingFields: Field[] = ["sendWindow", "timeZone"];

export interface ShopSettings extends ShopSettingsValues {
  /** False until an admin first saves the settings. */
  isSaved: boolean;
  updatedAt: Date | null;
}

async function readSettings(tx: Tx): Promise<ShopSettings> {
  const row = await tx.shopSettings.findUnique({
    where: { id: 1 },
    select: settingsSelect,
  });
  if (!row) {
    return { ...unsaved, isSaved: false, updatedAt: null };
  }
  const { updatedAt, ...values } = row;

  return { ...readable(values), isSaved: true, updatedAt };
}

/** A saved value that no longer reads (an old shape) shows its default. */
function readable(values: Record<Field, unknown>): ShopSettingsValues {
  const shape = shopSettingsInput.shape;
  const entries = Object.entries(values).map(([field, value]) => {
    const parsed = shape[field as Field].safeParse(value);

    return [field, parsed.success ? parsed.data : unsaved[field as Field]];
  });

  return Object.fromEntries(entries) as ShopSettingsValues;
}

export function getShopSettings(db: Database) {
  return readSettings(db.prisma);
}

/**
 * Applies the given settings over the saved ones (or the defaults, the
 * first time) and checks the result as a whole, so a first save that
 * leaves out a required setting is refused and names it.
 */
export async function updateShopSettings(
  db: Database,
  actor: Actor,
  changes: z.output<typeof settingsUpdateInput>,
) {
  return db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM shop_settings WHERE id = 1 FOR UPDATE`;
    const current = await readSettings(tx);
    const merged = mergedSettings(current, changes);
    const changed = changedFields(current, merged);
    const saved = await tx.shopSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...toRow(merged) },
      update: toRow(merged),
      select: { updatedAt: true },
    });
    await audit(tx, actor, "settings.update", "settings", { changed });
    await recordEvents(tx, [
      { type: "settings.changed", payload: { fields: changed } },
    ]);
    if (changed.some((field) => sendingFields.includes(field))) {
      await tx.$executeRaw`SELECT pg_notify(${EMAIL_QUEUED_CHANNEL}, '')`;
    }

    return { ...merged, isSaved: true, updatedAt: saved.updatedAt };
  });
}

function mergedSettings(
  current: ShopSettings,
  changes: z.output<typeof settingsUpdateInput>,
) {
  const given = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  const { isSaved: _isSaved, updatedAt: _updatedAt, ...values } = current;
  const result = shopSettingsInput.safeParse({ ...values, ...given });
  if (!result.success) {
    const [issue] = result.error.issues;
    const field = issue?.path.join(".") || "input";
    const reason = current.isSaved
      ? (issue?.message ?? "invalid")
      : `${issue?.message ?? "invalid"}; set it before the settings are first saved`;
    throw new DomainError("INVALID_INPUT", reason, field);
  }

  return result.data;
}

function changedFields(current: ShopSettings, next: ShopSettingsValues) {
  return (Object.keys(next) as Field[]).filter(
    (field) =>
      !current.isSaved ||
      JSON.stringify(current[field]) !== JSON.stringify(next[field]),
  );
}

function toRow(values: ShopSettingsValues) {
  return {
    ...values,
    openingHours: values.openingHours as Prisma.InputJsonValue,
    sendWindow: values.sendWindow ?? Prisma.DbNull,
  };
}
