import { getClinicSettings, insertEnquiry } from "@clinic/db";
import { enquiryInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { enforceRateLimit, formGuardSchema, rejectAutomated } from "../../abuse/public-forms.js";
import { enqueueEnquiryNotice } from "../../email/enquiry-emails.js";
import { publicProcedure } from "../trpc.js";

export const enquiriesRouter = {
  /** The contact form: stored as a new enquiry, with a notice to the clinic in the same transaction. */
  submit: publicProcedure
    .input(enquiryInputSchema.extend(formGuardSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { honeypot, renderedAt, ...enquiry } = input;
      rejectAutomated(ctx, { honeypot, renderedAt });
      await enforceRateLimit(ctx, "enquiry");
      const settings = await getClinicSettings(ctx.db);
      const now = ctx.now();
      const saved = await ctx.db.transaction(async (tx) => {
        const row = await insertEnquiry(tx, { ...enquiry, createdAt: now });
        await enqueueEnquiryNotice(tx, { ...enquiry, id: row.id, receivedAt: now }, settings, now);
        return row;
      });
      ctx.logger.info("enquiry received", { enquiryId: saved.id });
      return { id: saved.id, receivedAt: saved.createdAt };
    }),
} satisfies TRPCRouterRecord;
