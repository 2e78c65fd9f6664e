export { appRouter, type AppRouter } from "./router.ts";
export {
  createContextFactory,
  type Actor,
  type Context,
  type Role,
  type Services,
} from "./context.ts";
export { systemClock, type Clock } from "./clock.ts";
export { createEventBus, type EventBus } from "./events/bus.ts";
export type { StoredEvent } from "./events/types.ts";
export type { StreamItem } from "./events/stream.ts";
export { DomainError } from "./errors.ts";
export { createCallerFactory } from "./trpc.ts";
export { limits } from "./limits.ts";
export { signToken, verifyToken, type TokenCheck } from "./tokens.ts";
export { recordEvents } from "./events/record.ts";
export type { DomainEventInput, DomainEventType } from "./events/types.ts";
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
