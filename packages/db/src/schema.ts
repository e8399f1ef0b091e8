import {
  bookingStatuses,
  enquiryStatuses,
  patientTypes,
  postStatuses,
  reviewStatuses,
  type StoredImage,
  staffRoles,
} from "@clinic/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A moderation flag on a review, naming the review it matches when there is one. */
export interface ReviewFlagRecord {
  kind: string;
  message: string;
  matchReviewId?: string;
}

/** An instant range `[start, end)`; PostgreSQL's `tstzrange`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

const tstzrange = customType<{ data: InstantRange; driverData: string }>({
  dataType: () => "tstzrange",
  toDriver: (range) => `[${range.start.toISOString()},${range.end.toISOString()})`,
  fromDriver: (value) => {
    const [start = "", end = ""] = value.slice(1, -1).split(",");
    return { start: new Date(start.replace(/"/g, "")), end: new Date(end.replace(/"/g, "")) };
  },
});

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => instant("created_at").notNull().defaultNow();
const updatedAt = () =>
  instant("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
const hhmm = (column: string) => sql.raw(`${column} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'`);

export const bookingStatus = pgEnum("booking_status", bookingStatuses);
export const reviewStatus = pgEnum("review_status", reviewStatuses);
export const postStatus = pgEnum("post_status", postStatuses);
export const enquiryStatus = pgEnum("enquiry_status", enquiryStatuses);
export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);
export const staffRole = pgEnum("staff_role", staffRoles);
export const patientType = pgEnum("patient_type", patientTypes);

/** One row: the clinic's details and booking policy. */
export const clinicSettings = pgTable(
  "clinic_settings",
  {
    id: smallint("id").primaryKey().default(1),
    name: text("name").notNull(),
    tagline: text("tagline").notNull().default(""),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    address: jsonb("address")
      .$type<{ street: string; suburb: string; state: string; postcode: string; country: string }>()
      .notNull(),
    timeZone: text("time_zone").notNull(),
    currency: text("currency").notNull().default("AUD"),
    slotStepMinutes: integer("slot_step_minutes").notNull().default(15),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    horizonDays: integer("horizon_days").notNull().default(60),
    cancellationWindowHours: integer("cancellation_window_hours").notNull().default(24),
    emailSenderName: text("email_sender_name").notNull(),
    emailSenderAddress: text("email_sender_address").notNull(),
    websiteUrl: text("website_url").notNull(),
    /** Country or country-state code of the public holidays offered as closures (`AU-NSW`); null offers none. */
    holidayRegion: text("holiday_region"),
    /** Days a sent email's body (which may hold a manage link) is kept before housekeeping empties it. */
    sentEmailRetentionDays: integer("sent_email_retention_days").notNull().default(30),
    /**
     * Years without activity after which housekeeping erases a patient and deletes an
     * enquiry (decision 018); null keeps them for ever.
     */
    inactiveRetentionYears: integer("inactive_retention_years"),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("clinic_settings_single_row", sql`${t.id} = 1`),
    check("clinic_settings_slot_step", sql`${t.slotStepMinutes} between 5 and 120`),
    check("clinic_settings_notice", sql`${t.minNoticeMinutes} >= 0`),
    check("clinic_settings_horizon", sql`${t.horizonDays} between 1 and 365`),
    check("clinic_settings_cancellation", sql`${t.cancellationWindowHours} >= 0`),
    check(
      "clinic_settings_sent_email_retention",
      sql`${t.sentEmailRetentionDays} between 1 and 3650`,
    ),
    check(
      "clinic_settings_inactive_retention",
      sql`${t.inactiveRetentionYears} is null or ${t.inactiveRetentionYears} between 1 and 50`,
    ),
  ],
);

export const practitioners = pgTable(
  "practitioners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    title: text("title").notNull(),
    bio: text("bio").notNull(),
    /** The photo's address (an uploaded photo's largest WebP, or an older single file). */
    photoUrl: text("photo_url"),
    /** An uploaded photo's resized variants (decision 021); null for none or an older photo. */
    photo: jsonb("photo").$type<StoredImage>(),
    photoAlt: text("photo_alt"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** SHA-256 of the secret in the practitioner's calendar subscription URL. */
    calendarTokenHash: text("calendar_token_hash").unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("practitioners_photo_alt", sql`${t.photo} is null or ${t.photoAlt} is not null`)],
);

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    priceCents: integer("price_cents").notNull(),
    patientType: patientType("patient_type").notNull().default("any"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("services_duration_positive", sql`${t.durationMinutes} > 0`),
    check(
      "services_buffers_non_negative",
      sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`,
    ),
    check("services_price_non_negative", sql`${t.priceCents} >= 0`),
  ],
);

/** Which practitioners offer which service. */
export const servicePractitioners = pgTable(
  "service_practitioners",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.practitionerId] }),
    index("service_practitioners_practitioner_idx").on(t.practitionerId),
  ],
);

/** Weekly hours as local wall-clock ranges in the clinic's time zone. */
export const workingHours = pgTable(
  "working_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
  },
  (t) => [
    check("working_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("working_hours_start_format", hhmm("start_time")),
    check("working_hours_end_format", hhmm("end_time")),
    check("working_hours_end_after_start", sql`${t.endTime} > ${t.startTime}`),
    index("working_hours_practitioner_idx").on(t.practitionerId, t.weekday),
  ],
);

/** A practitioner's time off in local dates (and times, for part days). */
export const timeOff = pgTable(
  "time_off",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "cascade" }),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    startTime: text("start_time"),
    endTime: text("end_time"),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    check("time_off_dates_ordered", sql`${t.endDate} >= ${t.startDate}`),
    check("time_off_times_paired", sql`(${t.startTime} is null) = (${t.endTime} is null)`),
    check("time_off_start_format", sql`${t.startTime} is null or ${hhmm("start_time")}`),
    check("time_off_end_format", sql`${t.endTime} is null or ${hhmm("end_time")}`),
    index("time_off_practitioner_idx").on(t.practitionerId, t.endDate),
  ],
);

/** Days the whole clinic is closed, e.g. public holidays. */
export const clinicClosures = pgTable(
  "clinic_closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("clinic_closures_dates_ordered", sql`${t.endDate} >= ${t.startDate}`)],
);

/**
 * A patient has an email address, a phone number or both (staff book patients who have
 * only a phone; no emails go to them). Returning patients match by email, and patients
 * without one by the digits of their phone number and their name.
 */
export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    // Stored lowercased by the domain's email schema, so returning patients match.
    email: text("email").unique(),
    phone: text("phone"),
    /**
     * When the patient's personal details were erased (on request or by the retention
     * setting): the row stays, de-identified, so their bookings still count (decision 018).
     */
    erasedAt: instant("erased_at"),
    /** The mobile number text reminders go to, in E.164 (decision 030); null when never given. */
    smsPhone: text("sms_phone"),
    /** When the patient last agreed to text reminders (ticked at a booking, or replied START). */
    smsConsentAt: instant("sms_consent_at"),
    /** When the patient last replied STOP: no texts while it is later than `smsConsentAt`. */
    smsOptedOutAt: instant("sms_opted_out_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("patients_sms_phone_idx").on(t.smsPhone),
    check("patients_email_or_phone", sql`${t.email} IS NOT NULL OR ${t.phone} IS NOT NULL`),
    // Family members may share a phone: without an email, a patient is their number and name.
    uniqueIndex("patients_phone_only_unique")
      .on(sql`regexp_replace(${t.phone}, '[^0-9]', '', 'g')`, sql`lower(${t.name})`)
      .where(sql`${t.email} IS NULL`),
  ],
);

/**
 * A treatment plan (decision 027): a series of appointments staff booked in one go, every
 * `interval_count` days or weeks at the same local time. Its appointments are ordinary
 * bookings that point back here; the plan keeps the rule as staff gave it.
 */
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    /** Null: any practitioner who offers the service, chosen per appointment. */
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, {
      onDelete: "restrict",
    }),
    intervalUnit: text("interval_unit").notNull(),
    intervalCount: integer("interval_count").notNull(),
    /** How many appointments were asked for, or (with `until_date`) null. */
    occurrenceCount: integer("occurrence_count"),
    untilDate: date("until_date"),
    /** The first appointment's start: its local time of day is the plan's. */
    firstStartsAt: instant("first_starts_at").notNull(),
    idempotencyKey: text("idempotency_key").unique(),
    createdBy: uuid("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("treatment_plans_interval_unit", sql`${t.intervalUnit} in ('day', 'week')`),
    check("treatment_plans_interval_count", sql`${t.intervalCount} between 1 and 90`),
    check("treatment_plans_end", sql`(${t.occurrenceCount} is null) <> (${t.untilDate} is null)`),
    index("treatment_plans_patient_idx").on(t.patientId),
    index("treatment_plans_created_idx").on(t.createdAt),
  ],
);

/**
 * `during` is the time the booking blocks in the practitioner's diary,
 * buffers included; an exclusion constraint (custom migration) keeps active
 * bookings of one practitioner from overlapping.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    practitionerId: uuid("practitioner_id")
      .notNull()
      .references(() => practitioners.id, { onDelete: "restrict" }),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    during: tstzrange("during").notNull(),
    status: bookingStatus("status").notNull().default("confirmed"),
    notes: text("notes").notNull().default(""),
    idempotencyKey: text("idempotency_key").unique(),
    /** SHA-256 of the request that used `idempotencyKey`, so a key reused for another request is refused. */
    idempotencyFingerprint: text("idempotency_fingerprint"),
    manageTokenHash: text("manage_token_hash").unique(),
    /** Whether the patient agreed to be contacted about their care beyond this booking. */
    contactConsent: boolean("contact_consent").notNull().default(false),
    /** When the patient asked, with this booking, for text reminders (decision 030). */
    smsOptInAt: instant("sms_opt_in_at"),
    /** Bumped on every change the patient's calendar should pick up (iCalendar SEQUENCE). */
    sequence: integer("sequence").notNull().default(0),
    cancellationReason: text("cancellation_reason"),
    cancelledAt: instant("cancelled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The treatment plan this appointment belongs to, if any (decision 027). */
    treatmentPlanId: uuid("treatment_plan_id").references(() => treatmentPlans.id, {
      onDelete: "restrict",
    }),
  },
  (t) => [
    check("bookings_ends_after_starts", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "bookings_during_covers_appointment",
      sql`${t.during} @> tstzrange(${t.startsAt}, ${t.endsAt})`,
    ),
    index("bookings_practitioner_starts_idx").on(t.practitionerId, t.startsAt),
    index("bookings_patient_idx").on(t.patientId),
    index("bookings_starts_idx").on(t.startsAt),
    index("bookings_treatment_plan_idx").on(t.treatmentPlanId),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorName: text("author_name").notNull(),
    rating: smallint("rating").notNull(),
    body: text("body").notNull(),
    email: text("email"),
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, {
      onDelete: "set null",
    }),
    status: reviewStatus("status").notNull().default("pending"),
    featured: boolean("featured").notNull().default(false),
    /** Why moderators should look twice (duplicate text, bursts from one sender), computed on arrival. */
    flags: jsonb("flags").$type<ReviewFlagRecord[]>().notNull().default([]),
    /** SHA-256 of the sender's address (with a salt), to spot bursts without keeping the address. */
    senderHash: text("sender_hash"),
    createdAt: createdAt(),
    moderatedAt: instant("moderated_at"),
  },
  (t) => [
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
    index("reviews_status_created_idx").on(t.status, t.createdAt),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    excerpt: text("excerpt").notNull().default(""),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => practitioners.id, { onDelete: "set null" }),
    status: postStatus("status").notNull().default("draft"),
    publishedAt: instant("published_at"),
    /** An older external address; uploaded covers are `coverImage` (decision 021). */
    coverImageUrl: text("cover_image_url"),
    coverImage: jsonb("cover_image").$type<StoredImage>(),
    coverImageAlt: text("cover_image_alt"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("posts_published_have_date", sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
    check("posts_cover_alt", sql`${t.coverImage} is null or ${t.coverImageAlt} is not null`),
    index("posts_status_published_idx").on(t.status, t.publishedAt),
  ],
);

export const postTags = pgTable(
  "post_tags",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tag] }), index("post_tags_tag_idx").on(t.tag)],
);

export const enquiries = pgTable(
  "enquiries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    message: text("message").notNull(),
    status: enquiryStatus("status").notNull().default("new"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("enquiries_status_created_idx").on(t.status, t.createdAt)],
);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull(),
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, {
      onDelete: "set null",
    }),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /**
     * The last time they used the admin (to the minute: sessions touch it at most once a
     * minute); kept here because their sessions end at sign-out and expiry.
     */
    lastActiveAt: instant("last_active_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("staff_users_email_unique").on(sql`lower(${t.email})`)],
);

/** Sessions are looked up by the SHA-256 of their token; the token itself is never stored. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins, kept in the database so throttling holds across API instances. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    /** The client address the attempt came from, for per-address throttling. */
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_failures_email_created_idx").on(t.email, t.createdAt),
    index("sign_in_failures_address_created_idx").on(t.address, t.createdAt),
  ],
);

/** What happened to a booking and who did it, for its history. */
export const bookingEvents = pgTable(
  "booking_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** "patient", or a staff user's id. */
    actor: text("actor").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("booking_events_booking_idx").on(t.bookingId, t.createdAt)],
);

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Emails to send, written in the same transaction as the change they report.
 * A worker claims due rows with `FOR UPDATE SKIP LOCKED`, so several API
 * instances never send one twice.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "cascade" }),
    status: outboxStatus("status").notNull().default("pending"),
    sendAfter: instant("send_after").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: instant("sent_at"),
    /** When housekeeping emptied the bodies and attachments of this sent message; metadata stays. */
    bodyPurgedAt: instant("body_purged_at"),
    /** How it is sent: "email" (to_address an email address) or "sms" (an E.164 number; decision 030). */
    channel: text("channel").notNull().default("email"),
    createdAt: createdAt(),
  },
  (t) => [
    check("outbox_messages_channel", sql`${t.channel} in ('email', 'sms')`),
    index("outbox_due_idx").on(t.status, t.sendAfter),
    index("outbox_booking_idx").on(t.bookingId),
  ],
);

/** Staff notes on an enquiry, and replies sent from the inbox. */
export const enquiryNotes = pgTable(
  "enquiry_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enquiryId: uuid("enquiry_id")
      .notNull()
      .references(() => enquiries.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => staffUsers.id, { onDelete: "set null" }),
    kind: text("kind").notNull().default("note"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("enquiry_notes_enquiry_idx").on(t.enquiryId, t.createdAt)],
);

/**
 * One row per counted request, so rate limits hold across API instances;
 * old rows are pruned as new ones arrive.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_hits_lookup_idx").on(t.bucket, t.key, t.createdAt)],
);

/** Every staff write: who, what, when and the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id").references(() => staffUsers.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
  ],
);

// Webhook endpoints, events and their delivery outbox (decision 032).
export * from "./schema-webhooks.js";
/**
 * Emailed sign-in links for patients' self-service (decision 031): only the token's SHA-256 is
 * kept; a link works once (`used_at` set by the one update that consumes it) and until `expires_at`.
 */
export const patientSignInLinks = pgTable(
  "patient_sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("patient_sign_in_links_patient_idx").on(t.patientId)],
);

/**
 * A patient's signed-in session on the public site, looked up by the SHA-256 of the token the
 * site's cookie holds; it lapses when idle and at most `created_at` + a fixed span.
 */
export const patientSessions = pgTable(
  "patient_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
  },
  (t) => [index("patient_sessions_patient_idx").on(t.patientId)],
);
// Staff API keys (decision 033), in a file of their own.
export * from "./schema-api-keys.js";
/**
 * One row: how the clinic's text reminders read (decision 030). Absent until the owner saves
 * them; the defaults apply until then. Whether texts are sent at all is the API's
 * configuration (SMS_* variables), not a setting.
 */
export const smsSettings = pgTable(
  "sms_settings",
  {
    id: smallint("id").primaryKey().default(1),
    reminderTemplate: text("reminder_template").notNull(),
    /** ISO 3166 alpha-2: the country of numbers patients type without a `+`. */
    defaultCountry: text("default_country").notNull().default("AU"),
    updatedAt: updatedAt(),
  },
  (t) => [check("sms_settings_single_row", sql`${t.id} = 1`)],
);
// The intake form (decision 029).
export * from "./schema-intake.js";
// The waitlist (decision 028), in its own module.
export * from "./schema-waitlist.js";
