import type { StoredEvent } from "@rally/api";
import type { Query, QueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";

import { trpc } from "../trpc.ts";
import { numberIn } from "./payload.ts";
import { inputOf, type UpdateTable } from "./update-table.ts";

/** A rule's own page, the rule lists, and previews of that rule. */
async function refreshRule(event: StoredEvent, queryClient: QueryClient) {
  const ruleId = numberIn(event.payload, "ruleId");
  if (ruleId === undefined) {
    return;
  }
  const ofRule = (query: Query) =>
    (inputOf(query) as { ruleId?: unknown } | undefined)?.ruleId === ruleId;
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.rule.get, { id: ruleId }, "query"),
    }),
    queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.rule.list) }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.cohort.preview),
      predicate: ofRule,
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.cohort.explain),
      predicate: ofRule,
    }),
  ]);
}

export function refreshCohorts(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.cohort.preview),
    }),
    queryClient.invalidateQueries({
      queryKey: getQueryKey(trpc.cohort.explain),
    }),
  ]);
}

/** What rules and the cohort previews of them show. */
export const ruleCacheUpdates: UpdateTable = {
  "rule.changed": refreshRule,
};
