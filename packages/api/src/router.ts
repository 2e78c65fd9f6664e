import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { customerRouter } from "./routers/customer.ts";
import { eventsRouter } from "./routers/events.ts";
import { healthRouter } from "./routers/health.ts";
import { serviceRecordRouter } from "./routers/service-record.ts";
import { serviceTypeRouter } from "./routers/service-type.ts";
import { tokenRouter } from "./routers/token.ts";
import { userRouter } from "./routers/user.ts";
import { vehicleRouter } from "./routers/vehicle.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  serviceType: serviceTypeRouter,
  customer: customerRouter,
  vehicle: vehicleRouter,
  serviceRecord: serviceRecordRouter,
  events: eventsRouter,
  auth: authRouter,
  user: userRouter,
  token: tokenRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
