import { z } from "zod";

import { id, vehicleCreateInput, vehicleUpdateInput } from "../schemas.ts";
import {
  createVehicle,
  getVehicle,
  updateVehicle,
} from "../services/vehicles.ts";
import { staffProcedure, viewerProcedure, router } from "../trpc.ts";

export const vehicleRouter = router({
  get: viewerProcedure
    .input(z.strictObject({ id }))
    .query(({ ctx, input }) => getVehicle(ctx.db, ctx.clock, input.id)),
  create: staffProcedure
    .input(vehicleCreateInput)
    .mutation(({ ctx, input }) => createVehicle(ctx.db, input)),
  update: staffProcedure
    .input(vehicleUpdateInput)
    .mutation(({ ctx, input }) => updateVehicle(ctx.db, input)),
});
