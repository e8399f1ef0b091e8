import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { apiKeysRouter } from "./routers/api-keys.js";
import { auditRouter } from "./routers/audit.js";
import { authRouter } from "./routers/auth.js";
import { availabilityRouter } from "./routers/availability.js";
import { bookingsRouter } from "./routers/bookings.js";
import { calendarFeedsRouter } from "./routers/calendar-feeds.js";
import { dashboardRouter } from "./routers/dashboard.js";
import { emailsRouter } from "./routers/emails.js";
import { enquiriesRouter } from "./routers/enquiries.js";
import { formsRouter } from "./routers/forms.js";
import { intakeRouter } from "./routers/intake.js";
import { patientAccessRouter } from "./routers/patient-access.js";
import { patientsRouter } from "./routers/patients.js";
import { postsRouter } from "./routers/posts.js";
import { practitionersRouter } from "./routers/practitioners.js";
import { reportsRouter } from "./routers/reports.js";
import { reviewsRouter } from "./routers/reviews.js";
import { schedulesRouter } from "./routers/schedules.js";
import { servicesRouter } from "./routers/services.js";
import { settingsRouter } from "./routers/settings.js";
import { smsRouter } from "./routers/sms.js";
import { staffRouter } from "./routers/staff.js";
import { treatmentPlansRouter } from "./routers/treatment-plans.js";
import { waitlistRouter } from "./routers/waitlist.js";
import { webhooksRouter } from "./routers/webhooks.js";
import { type ProcedureMeta, router } from "./trpc.js";

export const appRouter = router({
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  auth: authRouter,
  availability: availabilityRouter,
  bookings: bookingsRouter,
  calendarFeeds: calendarFeedsRouter,
  dashboard: dashboardRouter,
  reports: reportsRouter,
  emails: emailsRouter,
  enquiries: enquiriesRouter,
  forms: formsRouter,
  intake: intakeRouter,
  patients: patientsRouter,
  patientAccess: patientAccessRouter,
  posts: postsRouter,
  practitioners: practitionersRouter,
  reviews: reviewsRouter,
  schedules: schedulesRouter,
  services: servicesRouter,
  settings: settingsRouter,
  staff: staffRouter,
  webhooks: webhooksRouter,
  treatmentPlans: treatmentPlansRouter,
  sms: smsRouter,
  waitlist: waitlistRouter,
});

const publicReads = new Set(
  Object.entries(
    appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
  )
    .filter(([, procedure]) => procedure._def.meta?.publicRead)
    .map(([path]) => path),
);

/** Whether the procedure at `path` is a `publicReadProcedure` (its HTTP answer may be kept). */
export function isPublicRead(path: string): boolean {
  return publicReads.has(path);
}

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
