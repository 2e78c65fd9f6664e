import { serviceTypeCreateInput } from "../schemas.ts";
import {
  createServiceType,
  listServiceTypes,
} from "../services/service-types.ts";
import { staffProcedure, viewerProcedure, router } from "../trpc.ts";

export const serviceTypeRouter = router({
  list: viewerProcedure.query(({ ctx }) => listServiceTypes(ctx.db)),
  create: staffProcedure
    .input(serviceTypeCreateInput)
    .mutation(({ ctx, input }) => createServiceType(ctx.db, input)),
});
