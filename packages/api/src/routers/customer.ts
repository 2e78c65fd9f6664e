import { z } from "zod";

import {
  customerCreateInput,
  customerListInput,
  customerUpdateInput,
  id,
} from "../schemas.ts";
import {
  createCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from "../services/customers.ts";
import { staffProcedure, viewerProcedure, router } from "../trpc.ts";

export const customerRouter = router({
  list: viewerProcedure
    .input(customerListInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, input)),
  get: viewerProcedure
    .input(z.strictObject({ id }))
    .query(({ ctx, input }) => getCustomer(ctx.db, ctx.clock, input.id)),
  create: staffProcedure
    .input(customerCreateInput)
    .mutation(({ ctx, input }) => createCustomer(ctx.db, input)),
  update: staffProcedure
    .input(customerUpdateInput)
    .mutation(({ ctx, input }) => updateCustomer(ctx.db, input)),
});
