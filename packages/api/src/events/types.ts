/** A change worth telling clients about, as written inside its transaction. */
export interface DomainEventInput {
  type: string;
  campaignId?: number | null;
  threadId?: number | null;
  payload: Record<string, unknown>;
}

/** An event as stored and delivered: its id orders it and resumes streams. */
export interface StoredEvent {
  id: string;
  type: string;
  campaignId: number | null;
  threadId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}
