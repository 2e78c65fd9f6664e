import type { RouterOutputs } from "@rally/client";

type Campaign = RouterOutputs["campaign"]["get"];

/** Filled badge colours dark enough for white text (WCAG AA). */
export const statusColor: Record<Campaign["status"], string> = {
  QUEUED: "gray.7",
  SENDING: "blue.8",
  PAUSED: "violet.8",
  DONE: "teal.9",
  CANCELLED: "dark.6",
};

/** A campaign's name in lists: its rule, and its number to tell runs apart. */
export function campaignName(campaign: Pick<Campaign, "id" | "rule">) {
  return `${campaign.rule.name} #${campaign.id}`;
}
