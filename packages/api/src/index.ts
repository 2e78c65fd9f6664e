export { appRouter, type AppRouter } from "./router.ts";
export {
  createContextFactory,
  type Actor,
  type CallObserver,
  type CompletedCall,
  type Context,
  type HttpExchange,
  type Role,
  type Services,
} from "./context.ts";
export { systemClock, type Clock } from "./clock.ts";
export { createEventBus, type EventBus } from "./events/bus.ts";
export type { StoredEvent } from "./events/types.ts";
export type { StreamItem } from "./events/stream.ts";
export type { StreamSocket } from "./events/stream.ts";
export type { EventBusOptions } from "./events/bus.ts";
export { pruneEvents } from "./events/retention.ts";
export { DomainError } from "./errors.ts";
export { createCallerFactory, requiredRoleOf } from "./trpc.ts";
export { limits } from "./limits.ts";
export { signToken, verifyToken, type TokenCheck } from "./tokens.ts";
export { recordEvents } from "./events/record.ts";
export type { DomainEventInput, DomainEventType } from "./events/types.ts";
export {
  createScheduler,
  type CampaignStarter,
  type CampaignStartInput,
  type Scheduler,
} from "./services/scheduling/scheduler.ts";
export { bookingSlots, bookSlot } from "./services/bookings/book.ts";
export { bookingLinkFor } from "./services/bookings/link.ts";
export { loadShopSettings, shopDefaults } from "./services/bookings/shop.ts";
export {
  fromJson as inboundFromJson,
  inboundJsonSchema,
  parseMime,
  type InboundMessage,
} from "./services/conversations/inbound-message.ts";
export { receiveInbound } from "./services/conversations/receive.ts";
export {
  replyAddressFor,
  threadIdFromReplyAddress,
} from "./services/conversations/reply-address.ts";
export { visibleReply } from "./services/conversations/quoted-text.ts";
export { materializeCohort } from "./services/cohort/materialize.ts";
export { previewCohort } from "./services/cohort/preview.ts";
export { explainCohort } from "./services/cohort/explain.ts";
export { audit, systemActor } from "./services/audit.ts";
export { authenticate, type Credentials } from "./services/authenticate.ts";
export { createUser, type NewUser } from "./services/users.ts";
export { createApiToken, type NewApiToken } from "./services/api-tokens.ts";
export { sessionLifetimeMs, signIn } from "./services/sessions.ts";
export { loginLimits } from "./services/login-throttle.ts";
export { CREDENTIALS_CHANNEL } from "./services/credential-changes.ts";
export {
  runImport,
  importKinds,
  type ImportKind,
} from "./services/import/index.ts";
export { sendCampaign } from "./services/campaigns/send.ts";
export {
  createDispatcher,
  EMAIL_QUEUED_CHANNEL,
  type Dispatcher,
  type DispatcherOptions,
} from "./services/email/dispatcher.ts";
export { newMessageId } from "./services/email/message-id.ts";
export type {
  EmailProvider,
  OutgoingMessage,
  SendResult,
} from "./services/email/providers/provider.ts";
export { createSmtpProvider } from "./services/email/providers/smtp.ts";
export { createSimulatedProvider } from "./services/email/providers/simulated.ts";
export { applyWebhookEvent, webhookEvent } from "./services/email/webhooks.ts";
export {
  signWebhook,
  verifyWebhook,
  webhookHeaders,
} from "./services/email/webhook-signature.ts";
export {
  checkUnsubscribeToken,
  unsubscribe,
} from "./services/email/unsubscribe.ts";
