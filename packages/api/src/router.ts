import { campaignRouter } from "./routers/campaign/router.ts";
import { customerRouter } from "./routers/customer.ts";
import { eventsRouter } from "./routers/events.ts";
import { healthRouter } from "./routers/health.ts";
import { serviceRecordRouter } from "./routers/service-record.ts";
import { serviceTypeRouter } from "./routers/service-type.ts";
import { vehicleRouter } from "./routers/vehicle.ts";
import { templateRouter } from "./routers/template/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  serviceType: serviceTypeRouter,
  customer: customerRouter,
  vehicle: vehicleRouter,
  serviceRecord: serviceRecordRouter,
  events: eventsRouter,
  template: templateRouter,
  campaign: campaignRouter,
});

export type AppRouter = typeof appRouter;
