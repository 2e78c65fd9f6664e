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
export { runImport, importKinds, type ImportKind } from "./services/import/index.ts";
