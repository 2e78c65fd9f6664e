import type { RouterInputs } from "@rally/client";

export type ImportKind = RouterInputs["import"]["start"]["kind"];

export const kindLabels: Record<ImportKind, string> = {
  customers: "Customers",
  vehicles: "Vehicles",
  serviceRecords: "Service records",
  appointments: "Appointments",
};

export function kindLabel(kind: string) {
  return kindLabels[kind as ImportKind] ?? kind;
}

/** "customerExternalId" → "Customer external id". */
export function fieldLabel(name: string) {
  const words = name.replace(/([A-Z])/g, " $1").toLowerCase();

  return words.charAt(0).toUpperCase() + words.slice(1);
}
