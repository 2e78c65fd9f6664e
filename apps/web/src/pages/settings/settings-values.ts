import type { PathMap } from "../../forms/form-errors.ts";
import { optionalNumber, optionalText } from "../../forms/form-errors.ts";
import type { OpeningSpanValues } from "./opening-hours-fields.tsx";

export interface SettingsValues {
  name: string;
  timeZone: string;
  openingHours: OpeningSpanValues[];
  bayCapacity: number | string;
  senderName: string;
  senderEmail: string;
  postalAddress: string;
  phone: string;
  bookingBaseUrl: string;
  frequencyCapDays: number | string;
  hasSendWindow: boolean;
  sendDays: string[];
  sendStart: string;
  sendEnd: string;
}

interface Saved {
  name: string;
  timeZone: string;
  openingHours: { day: number; open: string; close: string }[];
  bayCapacity: number;
  senderName: string;
  senderEmail: string;
  postalAddress: string;
  phone: string | null;
  bookingBaseUrl: string | null;
  frequencyCapDays: number;
  sendWindow: { days: number[]; start: string; end: string } | null;
}

export function valuesOf(saved: Saved): SettingsValues {
  const { sendWindow } = saved;

  // Only the form's own fields: the saved record also carries read-only
  // facts (when it was saved, the server's provider) the form never sends.
  return {
    name: saved.name,
    timeZone: saved.timeZone,
    bayCapacity: saved.bayCapacity,
    senderName: saved.senderName,
    senderEmail: saved.senderEmail,
    postalAddress: saved.postalAddress,
    frequencyCapDays: saved.frequencyCapDays,
    openingHours: saved.openingHours.map((span) => ({
      ...span,
      day: String(span.day),
    })),
    phone: saved.phone ?? "",
    bookingBaseUrl: saved.bookingBaseUrl ?? "",
    hasSendWindow: sendWindow !== null,
    sendDays: (sendWindow?.days ?? [1, 2, 3, 4, 5]).map(String),
    sendStart: sendWindow?.start ?? "08:00",
    sendEnd: sendWindow?.end ?? "18:00",
  };
}

export function toInput(values: SettingsValues) {
  return {
    name: values.name,
    timeZone: values.timeZone,
    openingHours: values.openingHours.map((span) => ({
      ...span,
      day: Number(span.day),
    })),
    bayCapacity: optionalNumber(values.bayCapacity),
    senderName: values.senderName,
    senderEmail: values.senderEmail,
    postalAddress: values.postalAddress,
    phone: optionalText(values.phone) ?? null,
    bookingBaseUrl: optionalText(values.bookingBaseUrl) ?? null,
    frequencyCapDays: optionalNumber(values.frequencyCapDays),
    sendWindow: values.hasSendWindow
      ? {
          days: values.sendDays.map(Number),
          start: values.sendStart,
          end: values.sendEnd,
        }
      : null,
  };
}

const windowFields: Record<string, string> = {
  "sendWindow.days": "sendDays",
  "sendWindow.start": "sendStart",
  "sendWindow.end": "sendEnd",
};

/** The send window's parts live in fields of their own. */
export const formPath: PathMap = (path) => windowFields[path] ?? path;
