import type { TRPCRouterRecord } from "@trpc/server";
import { staffDashboard } from "../../dashboard/dashboard-summary.js";
import { permissionProcedure } from "../trpc.js";

export const dashboardRouter = {
  /**
   * upcomingBookings, pendingReviews, newEnquiries; today's appointments per
   * practitioner (`todayByPractitioner`), bookings on each of the next 7 days
   * (`nextDays`) and per ISO week for the last 12 weeks (`bookingsPerWeek`,
   * zero weeks included), in the clinic's zone (`timeZone`, `today`).
   */
  summary: permissionProcedure("dashboard.read").query(({ ctx }) => staffDashboard(ctx)),
} satisfies TRPCRouterRecord;
