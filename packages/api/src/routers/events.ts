import { router } from "../trpc.ts";
import { onAll } from "./events/on-all.ts";
import { onAppointments } from "./events/on-appointments.ts";
import { onCampaign } from "./events/on-campaign.ts";
import { onConversation } from "./events/on-conversation.ts";
import { onSchedules } from "./events/on-schedules.ts";

export const eventsRouter = router({
  onAll,
  onCampaign,
  onSchedules,
  onConversation,
  onAppointments,
});
