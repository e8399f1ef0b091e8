import { randomBytes } from "node:crypto";
import {
  type BookableService,
  countWaitlistEntriesByStatus,
  deletePastWaitlistEntries,
  type Executor,
  expireWaitlistOffers,
  findBookableService,
  findBookingByIdempotencyKey,
  findWaitlistEntry,
  findWaitlistOfferByTokenHash,
  getClinicSettings,
  insertWaitlistEntry,
  insertWaitlistOffer,
  listOffersForEntry,
  listWaitingEntries,
  listWaitlistEntries,
  offeredStartsByEntry,
  resolveWaitlistOffer,
  updateWaitlistEntry,
  type WaitlistEntryRow,
  type WaitlistEntryView,
  type WaitlistOfferRow,
  withdrawOpenWaitlistOffer,
} from "@clinic/db";
import {
  addLocalDays,
  type ClinicSettings,
  localDateOf,
  matchingStarts,
  offerExpiry,
  type Slot,
  type TimeOfDay,
  timeOfDayAt,
  type WaitlistEntryUpdate,
  type WaitlistJoinInput,
  type WaitlistOfferStatus,
  type WaitlistStatus,
} from "@clinic/domain";
import type { z } from "zod";
import { enforceRateLimit, type formGuardSchema, rejectAutomated } from "../abuse/public-forms.js";
import { type AuditChanges, audit } from "../audit/audit.js";
import { hashToken } from "../auth/sessions.js";
import { candidatesFor, requireService, slotsFor } from "../bookings/bookable-slots.js";
import { manageTokenFor } from "../bookings/manage-token.js";
import { placeBooking } from "../bookings/place-booking.js";
import type { AppContext, StaffContext } from "../context.js";
import { ConflictError, FieldError, NotFoundError } from "../errors.js";
import { enqueueWaitlistOffer } from "./waitlist-emails.js";

/** How long a patient has to claim an offered time, unless WAITLIST_OFFER_HOURS says otherwise. */
export const DEFAULT_WAITLIST_OFFER_HOURS = 12;
/** Entries whose last day passed this many days ago are deleted with their offers. */
const KEEP_PAST_ENTRIES_DAYS = 30;
const PAGE_SIZE = 50;
/** The most other free times a patient who missed an offer is shown. */
const OTHER_TIMES = 12;
const NOT_FOUND = "We couldn't find that waitlist entry";
const LINK_NOT_FOUND = "That waitlist link isn't valid. It may have been mistyped.";

type Deps = Pick<AppContext, "db" | "logger" | "now" | "webUrl"> & {
  waitlistOfferHours?: number | undefined;
};

const offerHoursOf = (deps: Deps) => deps.waitlistOfferHours ?? DEFAULT_WAITLIST_OFFER_HOURS;
const claimUrl = (webUrl: string, token: string) =>
  `${webUrl.replace(/\/$/, "")}/waitlist/${token}`;
/** The key of the booking an offer's claim makes: a repeated claim gets the same booking. */
const claimKey = (offerId: string) => `waitlist-offer-${offerId}`;
const practitionerChoice = (entry: Pick<WaitlistEntryRow, "practitionerId">) =>
  entry.practitionerId ?? "any";

// `yyyy-MM-dd` dates order as strings.
const earliest = (dates: string[]) => [...dates].sort()[0]!;
const latest = (dates: string[]) => [...dates].sort().at(-1)!;

/** The dates an entry could still be offered: its own, within today and the booking horizon. */
function bookableDates(
  entry: Pick<WaitlistEntryRow, "fromDate" | "toDate">,
  settings: ClinicSettings,
  now: Date,
): { from: string; to: string } | null {
  const today = localDateOf(now, settings.timeZone);
  const last = addLocalDays(today, settings.bookingPolicy.horizonDays);
  const from = latest([entry.fromDate, today]);
  const to = earliest([entry.toDate, last]);
  return from <= to ? { from, to } : null;
}

/**
 * The free starts an entry could book online now, by its practitioner choice and dates
 * (every part of the day), from the slot engine: buffers, hours, time off, closures and
 * the clinic's notice and horizon applied.
 */
async function freeStartsFor(
  db: Executor,
  entry: WaitlistEntryRow,
  service: BookableService,
  settings: ClinicSettings,
  now: Date,
): Promise<Slot[]> {
  const dates = bookableDates(entry, settings, now);
  if (!dates) return [];
  const practitionerIds = service.practitioners
    .map((p) => p.id)
    .filter((id) => entry.practitionerId === null || id === entry.practitionerId);
  if (practitionerIds.length === 0) return [];
  return slotsFor(db, {
    settings,
    rules: "online",
    service,
    practitionerIds,
    ...dates,
    now,
  });
}

const wishOf = (entry: WaitlistEntryRow) => ({
  practitionerId: practitionerChoice(entry),
  fromDate: entry.fromDate,
  toDate: entry.toDate,
  timesOfDay: entry.timesOfDay as TimeOfDay[],
});

/** Records an offer and queues its email in one transaction; null when the database refused it. */
async function makeOffer(
  deps: Deps,
  settings: ClinicSettings,
  options: {
    entry: WaitlistEntryRow;
    service: { name: string; durationMinutes: number };
    practitionerName: string | null;
    start: Date;
    offeredById: string | null;
    tx: Executor;
  },
): Promise<WaitlistOfferRow | null> {
  const now = deps.now();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = offerExpiry({
    now,
    start: options.start,
    offerHours: offerHoursOf(deps),
    minNoticeMinutes: settings.bookingPolicy.minNoticeMinutes,
  });
  if (expiresAt.getTime() <= now.getTime()) return null;
  const offer = await insertWaitlistOffer(options.tx, {
    entryId: options.entry.id,
    startsAt: options.start,
    tokenHash: hashToken(token),
    expiresAt,
    offeredById: options.offeredById,
    createdAt: now,
  });
  if (!offer) return null;
  await enqueueWaitlistOffer(
    options.tx,
    {
      name: options.entry.name,
      email: options.entry.email,
      service: options.service,
      practitionerName: options.practitionerName,
      startsAt: options.start,
      expiresAt,
      claimUrl: claimUrl(deps.webUrl, token),
    },
    settings,
    now,
  );
  return offer;
}

// ---------------------------------------------------------------------------------------------
// The public: join, see an offer, claim it, leave.

/** The public form: a new entry, waiting. Spam-guarded and limited per address like the other forms. */
export async function joinWaitlist(
  ctx: AppContext,
  input: WaitlistJoinInput & z.infer<typeof formGuardSchema>,
) {
  const { honeypot, formToken, ...entry } = input;
  rejectAutomated(ctx, { honeypot, formToken }, "waitlist");
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const today = localDateOf(now, settings.timeZone);
  if (entry.fromDate < today) throw new FieldError("fromDate", "Choose today or a later day");
  const horizon = settings.bookingPolicy.horizonDays;
  if (entry.fromDate > addLocalDays(today, horizon)) {
    throw new FieldError("fromDate", `Online bookings open up to ${horizon} days ahead`);
  }
  const service = await requireService(ctx.db, entry.serviceId);
  candidatesFor(service, entry.practitionerId);
  await enforceRateLimit(ctx, "waitlist");
  const row = await insertWaitlistEntry(ctx.db, {
    ...entry,
    practitionerId: entry.practitionerId === "any" ? null : entry.practitionerId,
    timesOfDay: [...new Set(entry.timesOfDay)],
    createdAt: now,
  });
  ctx.logger.info("waitlist entry added", { entryId: row.id });
  return { id: row.id, fromDate: row.fromDate, toDate: row.toDate };
}

async function requireOffer(db: Executor, token: string) {
  const offer = await findWaitlistOfferByTokenHash(db, hashToken(token));
  const entry = offer ? await findWaitlistEntry(db, offer.entryId) : null;
  if (!offer || !entry) throw new NotFoundError(LINK_NOT_FOUND);
  return { offer, entry };
}

/** An open offer past its time reads as expired, whether or not the matcher marked it yet. */
function effectiveStatus(offer: WaitlistOfferRow, now: Date): WaitlistOfferStatus {
  if (offer.status === "open" && offer.expiresAt.getTime() <= now.getTime()) return "expired";
  return offer.status as WaitlistOfferStatus;
}

/** Other free times that suit the entry (its wishes), for a patient who missed an offer. */
async function otherTimesFor(
  ctx: AppContext,
  entry: WaitlistEntryView,
  settings: ClinicSettings,
  except: Date,
): Promise<{ start: Date }[]> {
  if (entry.status !== "waiting") return [];
  const service = await findBookableService(ctx.db, entry.serviceId);
  if (!service) return [];
  const free = await freeStartsFor(ctx.db, entry, service, settings, ctx.now());
  return matchingStarts(free, wishOf(entry), settings.timeZone)
    .filter((slot) => slot.start.getTime() !== except.getTime())
    .slice(0, OTHER_TIMES)
    .map((slot) => ({ start: slot.start }));
}

/** What the claim page shows for a link: the time, the offer's state, and what else there is. */
export async function waitlistOfferByToken(ctx: AppContext, token: string) {
  const { offer, entry } = await requireOffer(ctx.db, token);
  const settings = await getClinicSettings(ctx.db);
  const status = effectiveStatus(offer, ctx.now());
  return {
    status,
    startsAt: offer.startsAt,
    expiresAt: offer.expiresAt,
    timeZone: settings.timeZone,
    service: entry.service,
    practitioner: entry.practitioner,
    entry: {
      status: entry.status as WaitlistStatus,
      fromDate: entry.fromDate,
      toDate: entry.toDate,
      timesOfDay: entry.timesOfDay as TimeOfDay[],
    },
    manageToken:
      status === "claimed" && offer.bookingId
        ? manageTokenFor(offer.bookingId, ctx.appSecret)
        : null,
    otherTimes:
      status === "open" || status === "claimed"
        ? []
        : await otherTimesFor(ctx, entry, settings, offer.startsAt),
  };
}

/**
 * Books an offered time for the patient: the first claim wins, settled by the bookings'
 * exclusion constraint like any booking. A claim repeated (a double click, a retry) answers
 * with the booking it made. A missed time answers with the offer's state and the other free
 * times that suit the entry.
 */
export async function claimWaitlistOffer(ctx: AppContext, token: string) {
  const { offer, entry } = await requireOffer(ctx.db, token);
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const missed = async (status: Exclude<WaitlistOfferStatus, "open" | "claimed">) => ({
    outcome: status,
    manageToken: null,
    otherTimes: await otherTimesFor(ctx, entry, settings, offer.startsAt),
  });
  if (offer.status === "claimed" && offer.bookingId) {
    return {
      outcome: "claimed" as const,
      manageToken: manageTokenFor(offer.bookingId, ctx.appSecret),
      otherTimes: [],
    };
  }
  const status = effectiveStatus(offer, now);
  if (status === "expired" && offer.status === "open") {
    await resolveWaitlistOffer(ctx.db, offer.id, { status: "expired", at: now });
  }
  if (status !== "open") return missed(status as "expired" | "taken" | "withdrawn");
  if (entry.status !== "waiting") return missed("withdrawn");

  let placed: Awaited<ReturnType<typeof placeBooking>>;
  try {
    placed = await placeBooking(
      ctx,
      {
        serviceId: entry.serviceId,
        practitionerId: practitionerChoice(entry),
        start: offer.startsAt,
        patient: { name: entry.name, email: entry.email, phone: entry.phone },
        notes: "",
        contactConsent: false,
        idempotencyKey: claimKey(offer.id),
      },
      { rules: "online", by: { kind: "patient" }, settings },
    );
  } catch (error) {
    // Taken by someone else, or no longer bookable (hours changed, a closure): either way gone.
    const gone =
      error instanceof ConflictError ||
      (error instanceof FieldError && error.issues[0]?.path[0] === "start");
    if (!gone) throw error;
    await resolveWaitlistOffer(ctx.db, offer.id, { status: "taken", at: now });
    ctx.logger.info("waitlist offer missed", { offerId: offer.id });
    return missed("taken");
  }
  await markClaimed(ctx.db, offer, entry.id, placed.details.id, now);
  ctx.logger.info("waitlist offer claimed", { offerId: offer.id, bookingId: placed.details.id });
  return { outcome: "claimed" as const, manageToken: placed.manageToken, otherTimes: [] };
}

/** The offer claimed (whatever the matcher concluded meanwhile) and its entry booked. */
async function markClaimed(
  db: Executor,
  offer: Pick<WaitlistOfferRow, "id">,
  entryId: string,
  bookingId: string,
  at: Date,
) {
  await db.transaction(async (tx) => {
    await resolveWaitlistOffer(tx, offer.id, {
      status: "claimed",
      at,
      bookingId,
      fromAny: true,
    });
    await withdrawOpenWaitlistOffer(tx, entryId, at);
    await updateWaitlistEntry(tx, entryId, { status: "booked", bookingId, updatedAt: at });
  });
}

/** The patient leaves the waitlist from an offer's link: the entry is removed, its open offer withdrawn. */
export async function leaveWaitlist(ctx: AppContext, token: string) {
  const { entry } = await requireOffer(ctx.db, token);
  const now = ctx.now();
  if (entry.status === "waiting") {
    await ctx.db.transaction(async (tx) => {
      await withdrawOpenWaitlistOffer(tx, entry.id, now);
      await updateWaitlistEntry(tx, entry.id, { status: "removed", updatedAt: now });
    });
    ctx.logger.info("waitlist entry left", { entryId: entry.id });
  }
  return {
    status: entry.status === "waiting" ? ("removed" as const) : (entry.status as WaitlistStatus),
  };
}

// ---------------------------------------------------------------------------------------------
// Matching: free times offered to waiting entries.

/**
 * Offers free times to the entries waiting for them: expires open offers past their time,
 * closes those whose time is gone, and gives each waiting entry without an open offer the
 * earliest free start that suits it and was never offered to it. Every instance may run it
 * at once: the offers' unique indexes let one offer (and one email) through per entry.
 */
export async function matchWaitlist(deps: Deps): Promise<{ offered: number; expired: number }> {
  const { db } = deps;
  const now = deps.now();
  const settings = await getClinicSettings(db);
  const today = localDateOf(now, settings.timeZone);
  const expired = await expireWaitlistOffers(db, now);
  await deletePastWaitlistEntries(db, addLocalDays(today, -KEEP_PAST_ENTRIES_DAYS));
  const entries = await listWaitingEntries(db, { today });
  if (entries.length === 0) return { offered: 0, expired };
  const offeredByEntry = await offeredStartsByEntry(
    db,
    entries.map((entry) => entry.id),
  );
  const byService = new Map<string, WaitlistEntryRow[]>();
  for (const entry of entries) {
    byService.set(entry.serviceId, [...(byService.get(entry.serviceId) ?? []), entry]);
  }
  let offered = 0;
  for (const [serviceId, waiting] of byService) {
    const service = await findBookableService(db, serviceId);
    if (!service || service.practitioners.length === 0) continue;
    // One run of the slot engine over every waiting entry's dates, then each entry's share.
    const span = {
      ...waiting[0]!,
      fromDate: earliest(waiting.map((e) => e.fromDate)),
      toDate: latest(waiting.map((e) => e.toDate)),
      practitionerId: null,
    };
    const free = await freeStartsFor(db, span, service, settings, now);
    for (const entry of waiting) {
      const previous = offeredByEntry.get(entry.id) ?? [];
      const choice = practitionerChoice(entry);
      const freeForEntry = free.filter(
        (slot) => choice === "any" || slot.practitionerIds.includes(choice),
      );
      const isFree = (start: Date) =>
        freeForEntry.some((s) => s.start.getTime() === start.getTime());
      const open = previous.find(
        (o) => o.status === "open" && o.expiresAt.getTime() > now.getTime(),
      );
      if (open) {
        if (isFree(open.startsAt)) continue;
        // Its time is gone: claimed by this very entry (the claim's last step may be in
        // flight), or by someone else.
        const booking = await findBookingByIdempotencyKey(db, claimKey(open.id));
        if (booking) {
          await markClaimed(db, open, entry.id, booking.id, now);
          continue;
        }
        await resolveWaitlistOffer(db, open.id, { status: "taken", at: now });
      }
      const offeredBefore = new Set(previous.map((o) => o.startsAt.getTime()));
      const next = matchingStarts(freeForEntry, wishOf(entry), settings.timeZone).find(
        (slot) => !offeredBefore.has(slot.start.getTime()),
      );
      if (!next) continue;
      const practitionerName =
        entry.practitionerId === null
          ? null
          : (service.practitioners.find((p) => p.id === entry.practitionerId)?.name ?? null);
      const offer = await db.transaction((tx) =>
        makeOffer(deps, settings, {
          entry,
          service,
          practitionerName,
          start: next.start,
          offeredById: null,
          tx,
        }),
      );
      if (offer) {
        offered += 1;
        deps.logger.info("waitlist time offered", { entryId: entry.id, offerId: offer.id });
      }
    }
  }
  return { offered, expired };
}

// ---------------------------------------------------------------------------------------------
// Staff: the admin's Waitlist page.

/** Entries of one status (all when omitted), earliest first day first, 50 a page, with counts. */
export async function waitlistList(
  ctx: StaffContext,
  input: { status?: WaitlistStatus | undefined; page: number },
) {
  const [result, counts] = await Promise.all([
    listWaitlistEntries(ctx.db, {
      status: input.status,
      limit: PAGE_SIZE,
      offset: (input.page - 1) * PAGE_SIZE,
    }),
    countWaitlistEntriesByStatus(ctx.db),
  ]);
  return { ...result, counts, page: input.page, pageSize: PAGE_SIZE };
}

async function requireEntry(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const entry = await findWaitlistEntry(db, id, options);
  if (!entry) throw new NotFoundError(NOT_FOUND);
  return entry;
}

/**
 * One entry with every offer made to it and the free times staff could offer by hand (its
 * practitioner and dates, every part of the day; `suits` says whether it asked for that one).
 */
export async function waitlistEntryDetail(ctx: StaffContext, id: string) {
  const entry = await requireEntry(ctx.db, id);
  const settings = await getClinicSettings(ctx.db);
  const [offers, service] = await Promise.all([
    listOffersForEntry(ctx.db, id),
    findBookableService(ctx.db, entry.serviceId),
  ]);
  const now = ctx.now();
  const free =
    service && entry.status === "waiting"
      ? await freeStartsFor(ctx.db, entry, service, settings, now)
      : [];
  const offeredBefore = new Set(offers.map((o) => o.startsAt.getTime()));
  const wanted = new Set(entry.timesOfDay);
  return {
    ...entry,
    timeZone: settings.timeZone,
    serviceBookable: service !== null,
    servicePractitioners: service?.practitioners ?? [],
    offers: offers.map((offer) => ({
      id: offer.id,
      startsAt: offer.startsAt,
      expiresAt: offer.expiresAt,
      status: effectiveStatus(offer, now),
      byStaff: offer.offeredById !== null,
      createdAt: offer.createdAt,
      bookingId: offer.bookingId,
    })),
    freeTimes: free
      .filter((slot) => !offeredBefore.has(slot.start.getTime()))
      .slice(0, 200)
      .map((slot) => ({
        start: slot.start,
        suits: wanted.has(timeOfDayAt(slot.start, settings.timeZone)),
      })),
  };
}

const CONTACT_FIELDS = ["name", "email", "phone"] as const;

/** Staff change an entry's wishes or contact details; the audit names changed contact fields, never their values. */
export async function updateWaitlistEntryByStaff(ctx: StaffContext, input: WaitlistEntryUpdate) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const entry = await requireEntry(tx, input.id, { lock: true });
    const service = await findBookableService(tx, entry.serviceId);
    if (service) candidatesFor(service, input.practitionerId);
    const practitionerId = input.practitionerId === "any" ? null : input.practitionerId;
    const timesOfDay = [...new Set(input.timesOfDay)];
    const changes: AuditChanges = {};
    if (practitionerId !== entry.practitionerId) {
      changes.practitionerId = { from: entry.practitionerId, to: practitionerId };
    }
    if (input.fromDate !== entry.fromDate)
      changes.fromDate = { from: entry.fromDate, to: input.fromDate };
    if (input.toDate !== entry.toDate) changes.toDate = { from: entry.toDate, to: input.toDate };
    if ([...timesOfDay].sort().join() !== [...entry.timesOfDay].sort().join()) {
      changes.timesOfDay = { from: entry.timesOfDay, to: timesOfDay };
    }
    const contactChanged = CONTACT_FIELDS.filter((field) => input[field] !== entry[field]);
    if (contactChanged.length > 0) {
      changes.contactFields = { from: null, to: contactChanged };
    }
    if (Object.keys(changes).length === 0) return;
    await updateWaitlistEntry(tx, entry.id, {
      practitionerId,
      fromDate: input.fromDate,
      toDate: input.toDate,
      timesOfDay,
      name: input.name,
      email: input.email,
      phone: input.phone,
      updatedAt: now,
    });
    await audit(tx, ctx, { action: "waitlist_entry.update", entityId: entry.id, changes });
  });
  return { id: input.id };
}

/** Staff take an entry off the waitlist; its open offer is withdrawn (the link then says so). */
export async function removeWaitlistEntry(ctx: StaffContext, id: string) {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const entry = await requireEntry(tx, id, { lock: true });
    if (entry.status === "removed") return;
    await withdrawOpenWaitlistOffer(tx, id, now);
    await updateWaitlistEntry(tx, id, { status: "removed", updatedAt: now });
    await audit(tx, ctx, {
      action: "waitlist_entry.remove",
      entityId: id,
      changes: { status: { from: entry.status, to: "removed" } },
    });
  });
  return { id, status: "removed" as const };
}

/**
 * Staff offer an entry one free time by hand: the same email and claim link as the matcher's,
 * in place of any open offer (withdrawn). The time must be free online for the entry's
 * practitioner choice and never offered to it before.
 */
export async function offerWaitlistTime(
  ctx: StaffContext & { waitlistOfferHours?: number | undefined },
  input: { id: string; start: Date },
) {
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const entry = await requireEntry(ctx.db, input.id);
  if (entry.status !== "waiting") {
    throw new ConflictError("Only a patient still waiting can be offered a time");
  }
  const service = await findBookableService(ctx.db, entry.serviceId);
  if (!service)
    throw new ConflictError(`${entry.service.name} can't be booked online at the moment`);
  const free = await freeStartsFor(ctx.db, entry, service, settings, now);
  const slot = free.find((s) => s.start.getTime() === input.start.getTime());
  if (!slot) throw new FieldError("start", "That time isn't free to book online");
  const offer = await ctx.db.transaction(async (tx) => {
    await requireEntry(tx, entry.id, { lock: true });
    await withdrawOpenWaitlistOffer(tx, entry.id, now);
    const made = await makeOffer(ctx, settings, {
      entry,
      service,
      practitionerName: entry.practitioner?.name ?? null,
      start: input.start,
      offeredById: ctx.user.id,
      tx,
    });
    if (!made) throw new FieldError("start", "This time was already offered to this patient");
    await audit(tx, ctx, {
      action: "waitlist_entry.offer",
      entityId: entry.id,
      changes: {
        offerId: { from: null, to: made.id },
        startsAt: { from: null, to: made.startsAt },
      },
    });
    return made;
  });
  ctx.logger.info("waitlist time offered by staff", { entryId: entry.id, offerId: offer.id });
  return { offerId: offer.id, startsAt: offer.startsAt, expiresAt: offer.expiresAt };
}
