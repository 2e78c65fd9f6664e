import { sendTestEmail } from "../../services/templates/test-send.ts";
import { staffProcedure } from "../../trpc.ts";
import { templateTestSendInput } from "./schema.ts";

export const testSend = staffProcedure
  .input(templateTestSendInput)
  .mutation(({ ctx, input }) => sendTestEmail(ctx, input));
