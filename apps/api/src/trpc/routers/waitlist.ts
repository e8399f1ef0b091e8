import {
  idInputSchema,
  idSchema,
  instantSchema,
  waitlistClaimTokenSchema,
  waitlistEntryFieldsSchema,
  waitlistEntryUpdateSchema,
  waitlistStatusSchema,
  withWaitlistDateRules,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { formGuardSchema } from "../../abuse/public-forms.js";
import {
  claimWaitlistOffer,
  joinWaitlist,
  leaveWaitlist,
  offerWaitlistTime,
  removeWaitlistEntry,
  updateWaitlistEntryByStaff,
  waitlistEntryDetail,
  waitlistList,
  waitlistOfferByToken,
} from "../../waitlist/waitlist.js";
import { permissionProcedure, publicProcedure, publicSubmitProcedure } from "../trpc.js";

const tokenInput = z.object({ token: waitlistClaimTokenSchema });

export const waitlistRouter = {
  /** The public form: joins the waitlist for a service (spam-guarded, limited per address). */
  join: publicSubmitProcedure
    .input(withWaitlistDateRules(waitlistEntryFieldsSchema.extend(formGuardSchema.shape)))
    .mutation(({ ctx, input }) => joinWaitlist(ctx, input)),

  /** What a claim link offers: the time, whether it can still be claimed, and other free times. */
  offer: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => waitlistOfferByToken(ctx, input.token)),

  /**
   * Claims an offered time: the first claim books it (the exclusion constraint decides a
   * race); a later one hears it was taken, with the other free times for the entry.
   */
  claim: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => claimWaitlistOffer(ctx, input.token)),

  /** The patient leaves the waitlist from their link. */
  leave: publicSubmitProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => leaveWaitlist(ctx, input.token)),

  /** Staff list: entries of one status (all when omitted), 50 a page, with counts per status. */
  list: permissionProcedure("waitlist.manage")
    .input(
      z.object({
        status: waitlistStatusSchema.optional(),
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
    .query(({ ctx, input }) => waitlistList(ctx, input)),

  /** One entry, its offers and the free times staff could offer it. */
  detail: permissionProcedure("waitlist.manage")
    .input(idInputSchema)
    .query(({ ctx, input }) => waitlistEntryDetail(ctx, input.id)),

  /** Changes an entry's practitioner, dates, parts of the day or contact details (audited). */
  update: permissionProcedure("waitlist.manage")
    .input(waitlistEntryUpdateSchema)
    .mutation(({ ctx, input }) => updateWaitlistEntryByStaff(ctx, input)),

  /** Takes an entry off the waitlist (audited); its open offer is withdrawn. */
  remove: permissionProcedure("waitlist.manage")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => removeWaitlistEntry(ctx, input.id)),

  /** Offers an entry one free time by hand: the same email and claim link (audited). */
  offerTime: permissionProcedure("waitlist.manage")
    .input(z.object({ id: idSchema, start: instantSchema("Choose a time") }))
    .mutation(({ ctx, input }) => offerWaitlistTime(ctx, input)),
} satisfies TRPCRouterRecord;
