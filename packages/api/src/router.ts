import { appointmentRouter } from "./routers/appointment/router.ts";
import { bookingRouter } from "./routers/booking/router.ts";
import { campaignRouter } from "./routers/campaign/router.ts";
import { conversationRouter } from "./routers/conversation/router.ts";
import { cohortRouter } from "./routers/cohort/router.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { customerRouter } from "./routers/customer.ts";
import { dashboardRouter } from "./routers/dashboard/router.ts";
import { eventsRouter } from "./routers/events.ts";
import { healthRouter } from "./routers/health.ts";
import { recurringRouter } from "./routers/recurring/router.ts";
import { scheduleRouter } from "./routers/schedule/router.ts";
import { settingsRouter } from "./routers/settings/router.ts";
import { ruleRouter } from "./routers/rule/router.ts";
import { importRouter } from "./routers/import/router.ts";
import { serviceRecordRouter } from "./routers/service-record.ts";
import { serviceTypeRouter } from "./routers/service-type.ts";
import { tokenRouter } from "./routers/token.ts";
import { userRouter } from "./routers/user.ts";
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
  schedule: scheduleRouter,
  recurring: recurringRouter,
  appointment: appointmentRouter,
  booking: bookingRouter,
  conversation: conversationRouter,
  dashboard: dashboardRouter,
  campaign: campaignRouter,
  rule: ruleRouter,
  cohort: cohortRouter,
  auth: authRouter,
  user: userRouter,
  token: tokenRouter,
  audit: auditRouter,
  import: importRouter,
  template: templateRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
