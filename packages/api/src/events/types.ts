/**
 * The domain events clients hear about. `type` names what changed;
 * `campaignId` and `threadId` are columns so subscriptions filter on them.
 *
 * - email.status        { emailId, campaignId?, customerId?, from, to, reason? }
 * - campaign.progress   { campaignId, counts: Record<EmailStatus, number> }
 * - campaign.status     { campaignId, status, reason? }
 * - schedule.changed    { scheduleId, kind: "one-off" | "recurring", status?, nextRunAt? }
 * - schedule.run        { scheduledCampaignId, scheduleId?, status, campaignId? }
 * - conversation.message { threadId, emailId, direction }
 * - conversation.read   { threadId }
 * - appointment.changed { appointmentId, vehicleId, status, campaignId? }
 * - serviceRecord.created { id, vehicleId }
 * - import.progress     { importJobId, kind, isDryRun, rowsRead, rowsOk,
 *                         rowsFailed, status }
 * - settings.changed    { fields: string[] }
 * - rule.changed        { ruleId, change: "created" | "updated" | "archived" }
 * - customer.changed    { customerId, change: "created" | "updated" }
 * - vehicle.changed     { vehicleId, customerId, previousCustomerId?,
 *                         change: "created" | "updated" }
 */
export type DomainEventType =
  | "email.status"
  | "campaign.progress"
  | "campaign.status"
  | "schedule.changed"
  | "schedule.run"
  | "conversation.message"
  | "conversation.read"
  | "appointment.changed"
  | "serviceRecord.created"
  | "import.progress"
  | "settings.changed"
  | "rule.changed"
  | "customer.changed"
  | "vehicle.changed";

/** A change worth telling clients about, as written inside its transaction. */
export interface DomainEventInput {
  type: DomainEventType;
  campaignId?: number | null;
  threadId?: number | null;
  payload: Record<string, unknown>;
}

/** An event as stored and delivered: its id orders it and resumes streams. */
export interface StoredEvent {
  id: string;
  type: DomainEventType;
  campaignId: number | null;
  threadId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}
