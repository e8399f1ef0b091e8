import { idSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  calendarFeedStatus,
  issueCalendarFeed,
  revokeCalendarFeed,
} from "../../calendar/calendar-feeds.js";
import { permissionProcedure } from "../trpc.js";

const practitionerInput = z.object({ practitionerId: idSchema });

/**
 * A practitioner's calendar subscription (an `.ics` address their calendar app polls): owner
 * and front desk for anyone, a practitioner for themselves. Feeds are private, so no write
 * here touches the public caches.
 */
export const calendarFeedsRouter = {
  /** Whether the practitioner has a feed; its address is shown only when made. */
  get: permissionProcedure("calendarFeeds.manage")
    .input(practitionerInput)
    .query(({ ctx, input }) => calendarFeedStatus(ctx, input.practitionerId)),

  /** Makes the feed's address, or replaces it (the old one stops working); returns it once. */
  issue: permissionProcedure("calendarFeeds.manage")
    .meta({ access: "staff", permission: "calendarFeeds.manage", publicContent: "unchanged" })
    .input(practitionerInput)
    .mutation(({ ctx, input }) => issueCalendarFeed(ctx, input.practitionerId)),

  /** Turns the feed off. */
  revoke: permissionProcedure("calendarFeeds.manage")
    .meta({ access: "staff", permission: "calendarFeeds.manage", publicContent: "unchanged" })
    .input(practitionerInput)
    .mutation(({ ctx, input }) => revokeCalendarFeed(ctx, input.practitionerId)),
} satisfies TRPCRouterRecord;
