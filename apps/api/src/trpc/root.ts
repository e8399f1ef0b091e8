import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { authRouter } from "./routers/auth.js";
import { availabilityRouter } from "./routers/availability.js";
import { bookingsRouter } from "./routers/bookings.js";
import { dashboardRouter } from "./routers/dashboard.js";
import { enquiriesRouter } from "./routers/enquiries.js";
import { postsRouter } from "./routers/posts.js";
import { practitionersRouter } from "./routers/practitioners.js";
import { reviewsRouter } from "./routers/reviews.js";
import { servicesRouter } from "./routers/services.js";
import { settingsRouter } from "./routers/settings.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  availability: availabilityRouter,
  bookings: bookingsRouter,
  dashboard: dashboardRouter,
  enquiries: enquiriesRouter,
  posts: postsRouter,
  practitioners: practitionersRouter,
  reviews: reviewsRouter,
  services: servicesRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
