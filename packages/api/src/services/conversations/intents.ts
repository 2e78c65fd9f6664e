import * as chrono from "chrono-node";

import { offsetMinutes } from "../bookings/local-time.ts";

export type IntentKind = "unsubscribe" | "sold" | "book";

export interface DetectedIntent {
  kind: IntentKind;
  /** For "book": the time the customer proposed, when they named one. */
  proposedTime: Date | null;
}

const unsubscribe = [
  /\bunsubscribe\b/i,
  /^\s*stop\b/i,
  /\bstop (e-?mailing|sending|contacting|messaging)\b/i,
  /\bremove me\b/i,
];

const sold = [
  /\bsold (it|the|my|our|that|this)\b/i,
  /\bno longer (own|have|drive)\b/i,
  /\bdon'?t (own|have) (it|the|that|this) (car|vehicle|truck)/i,
];

const book = [
  /\bbook (me|us|it)\b/i,
  /\b(schedule|squeeze|fit) (me|us) in\b/i,
  /\b(make|set up) an appointment\b/i,
  /\bcan (i|we) (come|bring)\b/i,
];

/**
 * The one clear intent of a reply's new text, strongest first: a request
 * to stop wins over anything else it says.
 */
export function detectIntent(
  text: string,
  sentAt: Date,
  timeZone: string,
): DetectedIntent | null {
  if (unsubscribe.some((pattern) => pattern.test(text))) {
    return { kind: "unsubscribe", proposedTime: null };
  }
  if (sold.some((pattern) => pattern.test(text))) {
    return { kind: "sold", proposedTime: null };
  }
  const proposed = proposedTime(text, sentAt, timeZone);
  if (proposed || book.some((pattern) => pattern.test(text))) {
    return { kind: "book", proposedTime: proposed };
  }

  return null;
}

/** A future time the reply names ("Tuesday at 10am"), if any. */
function proposedTime(text: string, sentAt: Date, timeZone: string) {
  const reference = {
    instant: sentAt,
    timezone: offsetMinutes(sentAt, timeZone),
  };
  const results = chrono.parse(text.slice(0, 2_000), reference, {
    forwardDate: true,
  });
  for (const result of results) {
    // A bare date without an hour is still a proposal; a bare "10am" too.
    const date = result.start.date();
    if (date.getTime() > sentAt.getTime()) {
      return date;
    }
  }

  return null;
}
