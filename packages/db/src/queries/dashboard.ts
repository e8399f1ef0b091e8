import { and, count, eq, gte, ne } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, enquiries, reviews } from "../schema.js";

export interface DashboardSummary {
  upcomingBookings: number;
  pendingReviews: number;
  newEnquiries: number;
}

export async function dashboardSummary(db: Executor, now: Date): Promise<DashboardSummary> {
  const [[upcoming], [pending], [fresh]] = await Promise.all([
    db
      .select({ n: count() })
      .from(bookings)
      .where(and(gte(bookings.startsAt, now), ne(bookings.status, "cancelled"))),
    db.select({ n: count() }).from(reviews).where(eq(reviews.status, "pending")),
    db.select({ n: count() }).from(enquiries).where(eq(enquiries.status, "new")),
  ]);
  return {
    upcomingBookings: upcoming?.n ?? 0,
    pendingReviews: pending?.n ?? 0,
    newEnquiries: fresh?.n ?? 0,
  };
}
