import {
  acceptHolidayInputSchema,
  addClosureInputSchema,
  addTimeOffInputSchema,
  closurePreviewInputSchema,
  idInputSchema,
  listClosuresInputSchema,
  practitionerIdInputSchema,
  schedulePreviewInputSchema,
  setWeeklyHoursInputSchema,
  timeOffInputSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  addClosure,
  closuresList,
  previewClosure,
  removeClosure,
} from "../../schedules/clinic-closures.js";
import { scheduleOf } from "../../schedules/practitioner-schedule.js";
import { acceptHoliday, holidaySuggestions } from "../../schedules/public-holidays.js";
import { addTimeOff, previewTimeOff, removeTimeOff } from "../../schedules/time-off.js";
import { previewSchedule, setWeeklyHours } from "../../schedules/weekly-hours.js";
import { permissionProcedure } from "../trpc.js";

/**
 * Hours, time off and closures. Changes never touch bookings: one that would
 * leave upcoming confirmed bookings outside the hours is refused with
 * PRECONDITION_FAILED (its message names the first few, `data.details.orphans`
 * lists them all) unless `confirmOrphans` is true; the preview queries return
 * the same list to show first.
 */
export const schedulesRouter = {
  /** A practitioner's weekly hours, upcoming time off and closures, and whether the viewer may edit them. */
  get: permissionProcedure("schedules.read")
    .input(practitionerIdInputSchema)
    .query(({ ctx, input }) => scheduleOf(ctx, input.practitionerId)),

  /**
   * Bookable times for the next 14 days, grouped by day (all 14 listed), with
   * `ranges` in place of the stored week when given, and the bookings those
   * ranges would leave outside the hours (`orphans`).
   */
  preview: permissionProcedure("schedules.read")
    .input(schedulePreviewInputSchema)
    .query(({ ctx, input }) => previewSchedule(ctx, input)),

  /** The upcoming confirmed bookings new time off would cover. */
  previewTimeOff: permissionProcedure("schedules.read")
    .input(timeOffInputSchema)
    .query(({ ctx, input }) => previewTimeOff(ctx, input)),

  /** The upcoming confirmed bookings (any practitioner) a clinic closure would cover. */
  previewClosure: permissionProcedure("schedules.read")
    .input(closurePreviewInputSchema)
    .query(({ ctx, input }) => previewClosure(ctx, input)),

  /** Replaces the week in one transaction (orphan rule above); practitioners: their own only. */
  setWeeklyHours: permissionProcedure("schedules.write")
    .input(setWeeklyHoursInputSchema)
    .mutation(({ ctx, input }) => setWeeklyHours(ctx, input)),

  /** Adds time off (orphan rule above); practitioners: their own only. */
  addTimeOff: permissionProcedure("schedules.write")
    .input(addTimeOffInputSchema)
    .mutation(({ ctx, input }) => addTimeOff(ctx, input)),

  /** Removes time off; practitioners: their own only. */
  removeTimeOff: permissionProcedure("schedules.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => removeTimeOff(ctx, input.id)),

  /** Clinic closures ending today or later (or all, with `includePast`). */
  listClosures: permissionProcedure("schedules.read")
    .input(listClosuresInputSchema)
    .query(({ ctx, input }) => closuresList(ctx, input)),

  /** Closes the clinic on whole days (orphan rule above, across all practitioners); owner only. */
  addClosure: permissionProcedure("closures.write")
    .input(addClosureInputSchema)
    .mutation(({ ctx, input }) => addClosure(ctx, input)),

  /**
   * The public holidays of the clinic's region (settings) for the next 12
   * months, each with the closure already covering it (or null).
   */
  holidaySuggestions: permissionProcedure("schedules.read").query(({ ctx }) =>
    holidaySuggestions(ctx),
  ),

  /**
   * Closes the clinic on the suggested holiday starting on `startDate`, named
   * after it (orphan rule above); one already covered is left as it is. Owner only.
   */
  acceptHoliday: permissionProcedure("closures.write")
    .input(acceptHolidayInputSchema)
    .mutation(({ ctx, input }) => acceptHoliday(ctx, input)),

  /** Reopens the clinic on a closure's days; owner only. */
  removeClosure: permissionProcedure("closures.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => removeClosure(ctx, input.id)),
} satisfies TRPCRouterRecord;
