import {
  cancelByTokenInputSchema,
  createBookingInputSchema,
  manageTokenSchema,
  rescheduleByTokenInputSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { enforceRateLimit } from "../../abuse/public-forms.js";
import {
  bookingByToken,
  cancelByToken,
  createBooking,
  rescheduleByToken,
} from "../../bookings/booking-service.js";
import { publicProcedure } from "../trpc.js";

export const bookingsRouter = {
  create: publicProcedure.input(createBookingInputSchema).mutation(async ({ ctx, input }) => {
    await enforceRateLimit(ctx, "booking");
    return createBooking(ctx, input);
  }),

  byToken: publicProcedure
    .input(z.object({ token: manageTokenSchema }))
    .query(({ ctx, input }) => bookingByToken(ctx, input.token)),

  cancelByToken: publicProcedure
    .input(cancelByTokenInputSchema)
    .mutation(({ ctx, input }) => cancelByToken(ctx, input)),

  rescheduleByToken: publicProcedure
    .input(rescheduleByTokenInputSchema)
    .mutation(({ ctx, input }) => rescheduleByToken(ctx, input)),
} satisfies TRPCRouterRecord;
