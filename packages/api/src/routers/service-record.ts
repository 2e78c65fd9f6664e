import {
  serviceRecordCreateInput,
  serviceRecordListInput,
} from "../schemas.ts";
import {
  createServiceRecord,
  listServiceRecords,
} from "../services/service-records.ts";
import { staffProcedure, viewerProcedure, router } from "../trpc.ts";

export const serviceRecordRouter = router({
  create: staffProcedure
    .input(serviceRecordCreateInput)
    .mutation(({ ctx, input }) => createServiceRecord(ctx.db, input)),
  list: viewerProcedure
    .input(serviceRecordListInput)
    .query(({ ctx, input }) => listServiceRecords(ctx.db, input)),
});
