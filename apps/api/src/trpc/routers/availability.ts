import { availabilityInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { availability } from "../../bookings/bookable-slots.js";
import { publicReadProcedure } from "../trpc.js";

export const availabilityRouter = {
  /** Bookable times for a service, grouped by local day in the clinic's zone. */
  slots: publicReadProcedure
    .input(availabilityInputSchema)
    .query(({ ctx, input }) => availability(ctx, input)),
} satisfies TRPCRouterRecord;
