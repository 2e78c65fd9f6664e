import type { DomainEventType, StoredEvent } from "./types.ts";

/**
 * Which events a subscription wants. Every field narrows: an empty filter
 * takes everything. The same filter runs in SQL (replay) and in memory
 * (live), so the two paths agree.
 */
export interface EventFilter {
  types?: readonly DomainEventType[] | undefined;
  campaignId?: number | undefined;
  threadId?: number | undefined;
}

export function matchesFilter(filter: EventFilter, event: StoredEvent) {
  if (filter.types && !filter.types.includes(event.type)) {
    return false;
  }
  if (
    filter.campaignId !== undefined &&
    event.campaignId !== filter.campaignId
  ) {
    return false;
  }

  return filter.threadId === undefined || event.threadId === filter.threadId;
}

/**
 * The filter as a WHERE fragment whose parameters start at `firstParam`;
 * the campaign and thread columns are indexed together with the id.
 */
export function filterSql(filter: EventFilter, firstParam: number) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);

    return `$${firstParam + params.length - 1}`;
  };
  if (filter.types) {
    clauses.push(`type = ANY(${next(filter.types)}::text[])`);
  }
  if (filter.campaignId !== undefined) {
    clauses.push(`campaign_id = ${next(filter.campaignId)}`);
  }
  if (filter.threadId !== undefined) {
    clauses.push(`thread_id = ${next(filter.threadId)}`);
  }

  return { sql: clauses.map((clause) => ` AND ${clause}`).join(""), params };
}
