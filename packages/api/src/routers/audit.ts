import { auditListInput } from "../schemas.ts";
import { listAuditEntries } from "../services/audit.ts";
import { adminProcedure, router } from "../trpc.ts";

export const auditRouter = router({
  /** Staff actions, newest first. */
  list: adminProcedure
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEntries(ctx.db, input)),
});
