SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
CREATE SCHEMA drizzle;
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';
CREATE TYPE public.booking_status AS ENUM (
    'confirmed',
    'cancelled',
    'completed',
    'no_show'
);
CREATE TYPE public.enquiry_status AS ENUM (
    'new',
    'in_progress',
    'closed'
);
CREATE TYPE public.outbox_status AS ENUM (
    'pending',
    'sent',
    'failed'
);
CREATE TYPE public.patient_type AS ENUM (
    'new',
    'returning',
    'any'
);
CREATE TYPE public.post_status AS ENUM (
    'draft',
    'scheduled',
    'published'
);
CREATE TYPE public.review_status AS ENUM (
    'pending',
    'approved',
    'rejected'
);
CREATE TYPE public.staff_role AS ENUM (
    'owner',
    'practitioner',
    'front_desk'
);
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE drizzle.__drizzle_migrations (
    id integer NOT NULL,
    hash text NOT NULL,
    created_at bigint
);
CREATE SEQUENCE drizzle.__drizzle_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE drizzle.__drizzle_migrations_id_seq OWNED BY drizzle.__drizzle_migrations.id;
CREATE TABLE public.audit_log (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    actor_id uuid,
    actor_name text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text,
    changes jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.booking_events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    booking_id uuid NOT NULL,
    kind text NOT NULL,
    actor text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.bookings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    service_id uuid NOT NULL,
    practitioner_id uuid NOT NULL,
    patient_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    during tstzrange NOT NULL,
    status public.booking_status DEFAULT 'confirmed'::public.booking_status NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    idempotency_key text,
    manage_token_hash text,
    cancellation_reason text,
    cancelled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    contact_consent boolean DEFAULT false NOT NULL,
    sequence integer DEFAULT 0 NOT NULL,
    idempotency_fingerprint text,
    CONSTRAINT bookings_during_covers_appointment CHECK ((during @> tstzrange(starts_at, ends_at))),
    CONSTRAINT bookings_ends_after_starts CHECK ((ends_at > starts_at))
);
CREATE TABLE public.clinic_closures (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    reason text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT clinic_closures_dates_ordered CHECK ((end_date >= start_date))
);
CREATE TABLE public.clinic_settings (
    id smallint DEFAULT 1 NOT NULL,
    name text NOT NULL,
    tagline text DEFAULT ''::text NOT NULL,
    email text NOT NULL,
    phone text NOT NULL,
    address jsonb NOT NULL,
    time_zone text NOT NULL,
    currency text DEFAULT 'AUD'::text NOT NULL,
    slot_step_minutes integer DEFAULT 15 NOT NULL,
    min_notice_minutes integer DEFAULT 120 NOT NULL,
    horizon_days integer DEFAULT 60 NOT NULL,
    cancellation_window_hours integer DEFAULT 24 NOT NULL,
    email_sender_name text NOT NULL,
    email_sender_address text NOT NULL,
    website_url text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_email_retention_days integer DEFAULT 30 NOT NULL,
    CONSTRAINT clinic_settings_cancellation CHECK ((cancellation_window_hours >= 0)),
    CONSTRAINT clinic_settings_horizon CHECK (((horizon_days >= 1) AND (horizon_days <= 365))),
    CONSTRAINT clinic_settings_notice CHECK ((min_notice_minutes >= 0)),
    CONSTRAINT clinic_settings_sent_email_retention CHECK (((sent_email_retention_days >= 1) AND (sent_email_retention_days <= 3650))),
    CONSTRAINT clinic_settings_single_row CHECK ((id = 1)),
    CONSTRAINT clinic_settings_slot_step CHECK (((slot_step_minutes >= 5) AND (slot_step_minutes <= 120)))
);
CREATE TABLE public.enquiries (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    phone text,
    message text NOT NULL,
    status public.enquiry_status DEFAULT 'new'::public.enquiry_status NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.enquiry_notes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    enquiry_id uuid NOT NULL,
    author_id uuid,
    kind text DEFAULT 'note'::text NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.outbox_messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    to_address text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    attachments jsonb DEFAULT '[]'::jsonb NOT NULL,
    booking_id uuid,
    status public.outbox_status DEFAULT 'pending'::public.outbox_status NOT NULL,
    send_after timestamp with time zone DEFAULT now() NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    sent_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    body_purged_at timestamp with time zone
);
CREATE TABLE public.patients (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    phone text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.post_tags (
    post_id uuid NOT NULL,
    tag text NOT NULL
);
CREATE TABLE public.posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    excerpt text DEFAULT ''::text NOT NULL,
    body text NOT NULL,
    author_id uuid,
    status public.post_status DEFAULT 'draft'::public.post_status NOT NULL,
    published_at timestamp with time zone,
    cover_image_url text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT posts_published_have_date CHECK (((status = 'draft'::public.post_status) OR (published_at IS NOT NULL)))
);
CREATE TABLE public.practitioners (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    title text NOT NULL,
    bio text NOT NULL,
    photo_url text,
    active boolean DEFAULT true NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    calendar_token_hash text
);
CREATE TABLE public.rate_limit_hits (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    bucket text NOT NULL,
    key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.reviews (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    author_name text NOT NULL,
    rating smallint NOT NULL,
    body text NOT NULL,
    email text,
    practitioner_id uuid,
    status public.review_status DEFAULT 'pending'::public.review_status NOT NULL,
    featured boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    moderated_at timestamp with time zone,
    flags jsonb DEFAULT '[]'::jsonb NOT NULL,
    sender_hash text,
    CONSTRAINT reviews_rating_range CHECK (((rating >= 1) AND (rating <= 5)))
);
CREATE TABLE public.service_practitioners (
    service_id uuid NOT NULL,
    practitioner_id uuid NOT NULL
);
CREATE TABLE public.services (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    summary text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    duration_minutes integer NOT NULL,
    buffer_before_minutes integer DEFAULT 0 NOT NULL,
    buffer_after_minutes integer DEFAULT 0 NOT NULL,
    price_cents integer NOT NULL,
    patient_type public.patient_type DEFAULT 'any'::public.patient_type NOT NULL,
    active boolean DEFAULT true NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT services_buffers_non_negative CHECK (((buffer_before_minutes >= 0) AND (buffer_after_minutes >= 0))),
    CONSTRAINT services_duration_positive CHECK ((duration_minutes > 0)),
    CONSTRAINT services_price_non_negative CHECK ((price_cents >= 0))
);
CREATE TABLE public.sign_in_failures (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    address text
);
CREATE TABLE public.staff_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    token_hash text NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.staff_users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    role public.staff_role NOT NULL,
    practitioner_id uuid,
    password_hash text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.time_off (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    practitioner_id uuid NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    start_time text,
    end_time text,
    reason text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT time_off_dates_ordered CHECK ((end_date >= start_date)),
    CONSTRAINT time_off_end_format CHECK (((end_time IS NULL) OR (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'::text))),
    CONSTRAINT time_off_start_format CHECK (((start_time IS NULL) OR (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'::text))),
    CONSTRAINT time_off_times_paired CHECK (((start_time IS NULL) = (end_time IS NULL)))
);
CREATE TABLE public.working_hours (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    practitioner_id uuid NOT NULL,
    weekday smallint NOT NULL,
    start_time text NOT NULL,
    end_time text NOT NULL,
    CONSTRAINT working_hours_end_after_start CHECK ((end_time > start_time)),
    CONSTRAINT working_hours_end_format CHECK ((end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'::text)),
    CONSTRAINT working_hours_start_format CHECK ((start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'::text)),
    CONSTRAINT working_hours_weekday CHECK (((weekday >= 1) AND (weekday <= 7)))
);
ALTER TABLE ONLY drizzle.__drizzle_migrations ALTER COLUMN id SET DEFAULT nextval('drizzle.__drizzle_migrations_id_seq'::regclass);
INSERT INTO drizzle.__drizzle_migrations VALUES (1, '16392fa40bf8bde9c48d7c191f529765493b47d4f254faf8efc0ea9d8fa6e73b', 1795608626813);
INSERT INTO drizzle.__drizzle_migrations VALUES (2, 'b60df091ffea48cf31614752b2e1d0b4fa6b6ec95a7972e0f0197d91d9cc0e10', 1795608629930);
INSERT INTO drizzle.__drizzle_migrations VALUES (3, '299762cd21a542ea37b12f04e898a3bc8ebea3765e2614f3d4d725349d3b081b', 1795609243381);
INSERT INTO drizzle.__drizzle_migrations VALUES (4, 'e9cba6c03ecdb9848f5f50f0b3bb9f53f96778fe2bf0fe08d3fa217034509345', 1795609548974);
INSERT INTO drizzle.__drizzle_migrations VALUES (5, '30a22d4c3f6952f1fc4ff3fd8f0e3ea2d55c5066c22034af05a082024304c6d1', 1796028520319);
INSERT INTO drizzle.__drizzle_migrations VALUES (6, 'a5bf32af8ce52b6f95e7d72a27dc8e99bdcaf70fab00ba8a067506f5b94ddff2', 1796038492674);
INSERT INTO public.bookings VALUES ('98c6a209-6be7-409b-85eb-da87706968af', '7d64aa0d-6ced-4c4e-8307-c3c528d1f9df', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', '882f02f5-0153-428b-b4da-8bb357f4b589', '2026-12-02 22:00:00+00', '2026-12-02 22:45:00+00', '["2026-12-02 22:00:00+00","2026-12-02 22:55:00+00")', 'confirmed', 'Right knee pain on runs over 10 km, started after increasing mileage for a half marathon.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('e902cb6d-b531-4e40-857b-687c826ca09d', 'b9be05b0-0997-445e-b027-8e43c216bada', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', '2f0c08f3-f6bb-47d3-bd58-91312270097f', '2026-12-04 23:00:00+00', '2026-12-04 23:30:00+00', '["2026-12-04 23:00:00+00","2026-12-04 23:35:00+00")', 'confirmed', 'Lower back much better on the bike. Would like to review the core program.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('ca8d4d0d-5cb3-40bc-9acf-ec18ee7924cd', '87c51115-0c09-4e32-a50f-3f84fa5b3926', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'd228ba5b-0b9c-4f71-bc1f-433478c4b8e4', '2026-12-09 00:00:00+00', '2026-12-09 00:30:00+00', '["2026-12-09 00:00:00+00","2026-12-09 00:35:00+00")', 'confirmed', 'Please bring usual running shoes. Building up for an Olympic-distance triathlon.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('fa5e27b7-a4d4-495c-8766-188747e1d7df', '47246f55-5f72-4ddb-94c5-3705cc9b040d', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'af01ae9e-0804-4348-b676-3fe6ad91e4ed', '2026-12-04 03:00:00+00', '2026-12-04 04:00:00+00', '["2026-12-04 03:00:00+00","2026-12-04 04:10:00+00")', 'confirmed', 'Tight hamstrings and calves before semi-final on the weekend.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('3e06ab65-6ec8-4059-82b3-a2b1a985ff72', '69b99382-734b-4e87-8ae1-42877cd7eb6d', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', '26798108-d2bf-40f7-92d8-b588ac5de5c7', '2026-12-06 22:30:00+00', '2026-12-06 23:15:00+00', '["2026-12-06 22:30:00+00","2026-12-06 23:20:00+00")', 'confirmed', 'Ankle rehab: progressing hopping and change-of-direction drills.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('43ef0e60-20ec-494b-ac85-3a667ce00d0b', '7d64aa0d-6ced-4c4e-8307-c3c528d1f9df', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'fbcbae4f-5f9e-4fcd-86ec-71799d9d5abe', '2026-12-14 00:00:00+00', '2026-12-14 00:45:00+00', '["2026-12-14 00:00:00+00","2026-12-14 00:55:00+00")', 'confirmed', '15-year-old footballer with sore knees after training. Parent (Sinead Kelly) will attend.', NULL, NULL, NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('edf1473a-c42e-4fef-ab0c-db70f6f12b76', 'b9be05b0-0997-445e-b027-8e43c216bada', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', '44939514-f05c-488d-aa27-21481f45fd2c', '2026-11-29 21:00:00+00', '2026-11-29 21:30:00+00', '["2026-11-29 21:00:00+00","2026-11-29 21:35:00+00")', 'confirmed', 'Regular maintenance visit.', NULL, NULL, NULL, NULL, '2026-11-22 21:00:00+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.bookings VALUES ('d42c1f8e-0659-48b4-bfae-2f0deb70897b', 'b9be05b0-0997-445e-b027-8e43c216bada', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', '9f4ba6fc-2cc3-41df-9ace-65741756b16c', '2026-11-29 22:00:00+00', '2026-11-29 22:30:00+00', '["2026-11-29 22:00:00+00","2026-11-29 22:35:00+00")', 'confirmed', 'Regular maintenance visit.', NULL, NULL, NULL, NULL, '2026-11-22 22:00:00+00', '2026-11-30 15:08:47.69617+00', false, 0, NULL);
INSERT INTO public.clinic_settings VALUES (1, 'Westside Sports Chiro', 'Sports chiropractic and rehab for Sydney''s active people', 'hello@westsidesportschiro.example', '02 9000 1234', '{"state": "NSW", "street": "Suite 3, 112 Norton Street", "suburb": "Leichhardt", "country": "Australia", "postcode": "2040"}', 'Australia/Sydney', 'AUD', 15, 120, 60, 24, 'Westside Sports Chiro', 'bookings@westsidesportschiro.example', 'https://westsidesportschiro.example', '2026-11-30 15:08:47.69617+00', 30);
INSERT INTO public.enquiries VALUES ('d9e44da2-5809-4854-a737-59b95ed2dc4f', 'James O''Brien', 'james.obrien@example.com', NULL, 'Hi, I''m 12 weeks out from the Sydney Marathon and my heel has been sore first thing in the morning for about three weeks. Is this something you''d see, and would you suggest the initial assessment or the running assessment first?', 'new', '2026-11-30 15:08:47.579+00', '2026-11-30 15:08:47.579+00');
INSERT INTO public.enquiries VALUES ('8b9de3c4-67dd-432d-a8d5-661b683b6e2e', 'Nadia Karim', 'nadia.karim@example.com', '0412 555 019', 'Do you have HICAPS so I can claim on my private health extras on the day? Also, does the rehab session count as chiropractic for insurance purposes?', 'new', '2026-11-29 15:08:47.579+00', '2026-11-29 15:08:47.579+00');
INSERT INTO public.enquiries VALUES ('68e2b56b-41be-482d-bcaa-a0944480eefe', 'Steve Marsh', 'coach.steve@example.com', '0433 555 207', 'I coach an under-14 girls football team in the inner west. We''ve had a few ankle and knee injuries this season. Would one of your practitioners be able to run a short warm-up and injury-prevention session for the squad before a Tuesday training?', 'in_progress', '2026-11-26 15:08:47.579+00', '2026-11-26 15:08:47.579+00');
INSERT INTO public.enquiries VALUES ('98595637-5d57-42d8-91c9-dca85654f031', 'Emily Watson', 'emily.watson@example.com', '(02) 9555 3140', 'Hello, is there parking near the clinic, and do you have Saturday appointments? I work full time and can''t easily get there during the week.', 'closed', '2026-11-18 15:08:47.579+00', '2026-11-18 15:08:47.579+00');
INSERT INTO public.patients VALUES ('882f02f5-0153-428b-b4da-8bb357f4b589', 'Tom Nguyen', 'tom.nguyen@example.com', '0401 555 312', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('2f0c08f3-f6bb-47d3-bd58-91312270097f', 'Mel O''Connor', 'mel.oconnor@example.com', '0422 555 876', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('d228ba5b-0b9c-4f71-bc1f-433478c4b8e4', 'Priya Sharma', 'priya.sharma@example.com', '0438 555 441', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('af01ae9e-0804-4348-b676-3fe6ad91e4ed', 'Liam Brennan', 'liam.brennan@example.com', '0450 555 903', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('26798108-d2bf-40f7-92d8-b588ac5de5c7', 'Aisha Rahman', 'aisha.rahman@example.com', '0415 555 628', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('fbcbae4f-5f9e-4fcd-86ec-71799d9d5abe', 'Noah Kelly', 'noah.kelly@example.com', '0427 555 154', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('44939514-f05c-488d-aa27-21481f45fd2c', 'Morgan Ellis', 'morgan.ellis@example.com', '0412 555 101', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.patients VALUES ('9f4ba6fc-2cc3-41df-9ace-65741756b16c', 'Priya Raman', 'priya.raman@example.com', '0412 555 102', '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.post_tags VALUES ('3d02ae64-88da-4749-8c3c-c5cec99315c7', 'running');
INSERT INTO public.post_tags VALUES ('3d02ae64-88da-4749-8c3c-c5cec99315c7', 'spinal-health');
INSERT INTO public.post_tags VALUES ('3d02ae64-88da-4749-8c3c-c5cec99315c7', 'injury-prevention');
INSERT INTO public.post_tags VALUES ('1522d31c-b9ae-430e-a138-bf4df071f7e5', 'posture');
INSERT INTO public.post_tags VALUES ('1522d31c-b9ae-430e-a138-bf4df071f7e5', 'desk-work');
INSERT INTO public.post_tags VALUES ('1522d31c-b9ae-430e-a138-bf4df071f7e5', 'injury-prevention');
INSERT INTO public.post_tags VALUES ('68f6348e-b023-420b-bd3b-5211c06ce9ed', 'ankle-sprain');
INSERT INTO public.post_tags VALUES ('68f6348e-b023-420b-bd3b-5211c06ce9ed', 'return-to-sport');
INSERT INTO public.post_tags VALUES ('68f6348e-b023-420b-bd3b-5211c06ce9ed', 'rehab');
INSERT INTO public.post_tags VALUES ('33b843f0-8b13-4c4f-b0f3-b01658bac34b', 'first-visit');
INSERT INTO public.post_tags VALUES ('33b843f0-8b13-4c4f-b0f3-b01658bac34b', 'chiropractic-care');
INSERT INTO public.post_tags VALUES ('62fadb33-f080-4197-928e-a489d22dbd33', 'netball');
INSERT INTO public.post_tags VALUES ('62fadb33-f080-4197-928e-a489d22dbd33', 'injury-prevention');
INSERT INTO public.post_tags VALUES ('62fadb33-f080-4197-928e-a489d22dbd33', 'strength');
INSERT INTO public.posts VALUES ('3d02ae64-88da-4749-8c3c-c5cec99315c7', 'why-runners-benefit-from-spinal-adjustments', 'Why Runners Benefit from Spinal Adjustments', 'Running is a whole-body movement, not just a leg exercise. Here''s where spinal adjustments fit into a sensible plan for staying comfortable and consistent, and what they can''t do on their own.', 'Most runners who walk into the clinic start by talking about their legs: a tight calf, a grumbling knee, a hip that won''t settle after the long run. That makes sense, because that''s where they feel it. But running is a whole-body skill. Every stride passes load from your foot, through your pelvis and spine, and out through your arms, thousands of times a session. When one link in that chain is stiff or sore, the others tend to pick up the slack.
That''s where chiropractic care, including spinal adjustments, can play a useful part. Not as a magic fix, and not on its own, but as one tool alongside good training, strength work and recovery.
::youtube{id="S7L5pmw8Is4" title="Spinal adjustments for runners"}
## The spine is part of your stride
When you run, your pelvis rotates and tilts with each step while your upper and mid back counter-rotate with your arm swing. That rotation keeps you balanced and helps you run efficiently. If your mid back is stiff, which is common in people who sit for much of the day, the rotation has to come from somewhere else, often the lower back or the hips.
Runners often describe this as feeling "tight" or "stuck", or notice that one side tires sooner than the other. A thorough assessment looks at how your spine, pelvis and hips move together, not just at the spot that hurts.
## What an adjustment actually does
A spinal adjustment is a quick, controlled movement applied to a joint that isn''t moving comfortably. Research suggests adjustments can reduce pain and make a stiff region feel freer in the short term. For many people that makes it easier to move well and to get on with their rehab exercises.
What adjustments don''t do is "put bones back in place" or permanently change your posture. We find it more honest, and more useful, to think of them as opening a window: for a while after treatment, movement often feels easier, and that''s the best time to practise moving better.
## Where runners tend to notice a difference
Everyone responds differently, but these are the changes runners most often mention after a course of care that includes adjustments:
- **Freer upper-back rotation.** A more relaxed arm swing and less shoulder tension late in a run.
- **A more comfortable lower back on long runs.** Especially for people who feel stiffness creeping in after the first hour.
- **Easier hip and pelvic movement.** Helpful when tight hips are limiting stride length or feeding a one-sided niggle.
- **Confidence to keep training.** Dealing with a niggle early often means fewer missed sessions.
We''re cautious about claims that adjustments make you faster or prevent injuries outright, because the evidence doesn''t support that. What we can say is that staying comfortable and consistent is one of the biggest drivers of improvement for most runners.
## Adjustments work best as part of a plan
In our experience, runners get the most out of chiropractic care when it sits inside a bigger picture:
1. **Load management.** Most running injuries come from doing too much, too soon. We''ll look at your weekly kilometres, how quickly your long run has grown and any recent changes such as new shoes, more hills or a race block.
2. **Strength training.** Strong calves, glutes and trunk muscles help your body cope with the repetitive load of running. Our clinic gym lets us coach you through a program you can continue at home.
3. **Running technique.** Small changes, like a slightly quicker cadence, can take load off an irritated area. A running assessment shows us what''s happening at speed.
4. **Recovery basics.** Sleep, enough food and genuinely easy days do more heavy lifting than any single treatment.
## When to get checked
It''s worth booking an assessment if:
- a niggle has lasted more than a week or two, or is getting worse
- pain changes the way you run, for example limping or shortening your stride
- you''re coming back after time off or building towards a big event
- the same problem keeps returning in each training block
Please see your GP or go to an emergency department first for pain after a fall or collision, numbness or weakness in your legs, or back pain with fever or unexplained weight loss. Those need medical assessment before anything else.
## Conclusion
Spinal adjustments aren''t a cure-all, but for many runners they''re a helpful part of staying mobile, comfortable and on track. Combined with smart training, strength work and a bit of patience, they can help you spend less time on the sidelines and more time on the road or trail. If you''d like help working out where adjustments fit into your running, book an initial assessment and bring your training log. We''d love to see it.', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'published', '2026-11-24 15:08:47.579+00', NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.posts VALUES ('1522d31c-b9ae-430e-a138-bf4df071f7e5', 'desk-posture-for-weekend-athletes', 'Desk Posture for Weekend Athletes', 'Sitting all week and sprinting on Saturday is a tough combination. Practical desk set-up tips, movement breaks and a midweek routine to help your body cope with both.', 'From Monday to Friday you''re at a desk. On Saturday you''re chasing a ball across a muddy oval, grinding up hills on the bike or lining up for parkrun. If that sounds familiar, you''re in good company: a large share of the people we see are office workers who play sport on weekends, and the jump from one to the other is where many of their niggles begin.
The good news is that you don''t need a perfect posture or an expensive chair. You need a workspace that makes movement easy, and a little bit of preparation during the week.
## There''s no single "correct" posture
You may have been told to sit bolt upright with your shoulders pulled back. Research hasn''t found one ideal sitting posture that prevents pain, and holding any position for hours, even a "good" one, tends to leave people stiff. A more useful rule is that **your best posture is your next one**. Changing position regularly matters more than finding the perfect angle.
That said, a sensible set-up makes it easier to stay comfortable and to move.
## Set up your desk so moving is easy
- **Screen:** roughly at eye height and about an arm''s length away, so you''re not craning forward to read.
- **Chair:** feet flat on the floor, hips level with or slightly higher than your knees. Use the backrest; it''s there to be leaned on.
- **Keyboard and mouse:** close to you, so your elbows can rest near your sides and your shoulders can relax.
- **Laptops:** if you use one all day, a separate keyboard and a stand (or a pile of books) to lift the screen make a big difference.
- **Standing desks:** useful for variety, but standing all day brings its own aches. Alternate between sitting and standing through the day.
## Build movement into the workday
Aim to change position every 30 to 45 minutes. It doesn''t have to be a workout:
- take phone calls standing or walking
- use the stairs and a bathroom on another floor
- refill your water bottle often (a handy built-in reminder)
- walk to a colleague''s desk instead of sending a message
A few desk-friendly movements help too. Try seated upper-back rotations (arms crossed, turn gently left and right ten times), a standing hip flexor stretch (half-kneel or step one foot back and tuck your tailbone under) and twenty slow calf raises while you wait for the kettle.
## Bridge the gap between the desk and the weekend
The real challenge for weekend athletes is going from zero to full speed. Long hours of sitting tend to leave your hip flexors feeling tight and your glutes and hamstrings under-prepared for sprinting, and a hamstring strain early in a Saturday game is a classic result.
Two things help most:
1. **Two short strength sessions midweek.** Twenty to thirty minutes is enough. Include a squat or lunge, a hip hinge such as a Romanian deadlift or hip thrust, a hamstring exercise, calf raises and something for your trunk. Consistency beats intensity.
2. **A proper warm-up before you play.** Ten minutes of easy jogging, dynamic stretches, skips and a few gradual accelerations prepares your muscles for the speed the game will demand. Standing around chatting then sprinting from cold is asking for trouble.
If you can fit in one midweek run, ride or training session, even better. It gives your body a taste of the weekend''s demands.
## Signs it''s time to get help
Stiffness after a long day is normal and usually eases once you move. It''s worth having a chat with us if you notice:
- neck or back pain that''s lasting longer or returning more often
- headaches that seem linked to neck stiffness
- pain or pins and needles spreading into your arms or legs
- the same muscle strain coming back season after season
Sudden weakness, loss of bladder or bowel control, or severe unexplained pain need urgent medical attention, so head to your GP or an emergency department.
## Conclusion
Desk work and weekend sport can coexist happily. Set up your workspace so movement is easy, get up regularly, add two short strength sessions to your week and never skip the warm-up. If a niggle keeps interrupting your weekends, book an assessment and we''ll look at both sides of your week, the desk and the field.', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'published', '2026-11-09 15:08:47.579+00', NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.posts VALUES ('68f6348e-b023-420b-bd3b-5211c06ce9ed', 'returning-to-sport-after-an-ankle-sprain', 'Returning to Sport After an Ankle Sprain', 'Ankle sprains are common and often brushed off, but rushing back is the main reason they recur. A stage-by-stage guide to getting back on court or field with confidence.', 'Rolled ankles are one of the most common injuries in netball, basketball, football and trail running. Because many sprains start to feel better within a week or two, they''re also one of the most under-treated. The catch is that people who rush back without rebuilding strength and balance have a much higher chance of spraining the same ankle again.
Here''s how we approach getting you back to sport safely, stage by stage. Everyone''s injury is different, so treat this as a guide rather than a prescription.
## First, make sure it''s "just" a sprain
Most ankle sprains involve stretched or torn ligaments on the outside of the ankle. Sometimes, though, there''s a fracture or a more serious ligament injury. See your GP or an emergency department promptly if:
- you couldn''t take four steps on it straight after the injury, or still can''t
- there''s tenderness directly on the bony bumps of the ankle or the outside of the foot
- the ankle looks deformed, or your foot is numb, cold or discoloured
An X-ray may be needed to rule out a break. If you''re unsure, get it checked; we can assess you and refer you for imaging if it''s warranted.
## Stage 1: Settle it down (first few days)
In the first few days the goal is to protect the ankle without completely resting it. Elevate it when you can, use compression if it helps with swelling, and walk as normally as pain allows (crutches for a short time are fine if you''re limping badly). Gentle pain-free movement, like tracing the alphabet with your toes, helps more than keeping it totally still.
Avoid pushing through sharp pain, and go easy on alcohol and long periods on your feet while it''s swollen.
## Stage 2: Restore movement and walking
Once swelling starts to settle, we work on getting your ankle moving fully again, especially bending it upwards (dorsiflexion), which is often stiff after a sprain. A knee-to-wall stretch is a simple way to measure and improve it. The aim of this stage is a normal walking pattern without a limp.
Hands-on treatment, including joint mobilisation and soft-tissue work, can help with comfort and movement during this stage, alongside your exercises.
## Stage 3: Rebuild strength
Ligaments heal over weeks to months, and the muscles around the ankle need to be strong enough to protect it. Key exercises include:
- **Calf raises:** building up to single-leg raises, then adding weight
- **Resistance band work:** turning the foot outwards against a band to strengthen the muscles on the outside of the ankle
- **Hip and glute strength:** because control of the whole leg matters, not just the ankle
As a rough guide, we like to see you manage at least 20 to 25 single-leg calf raises on the injured side, similar to the other side, before you start running and jumping in earnest.
## Stage 4: Balance and control
A sprain disrupts the ankle''s sense of position, which is why it can feel "wobbly" even once the pain has gone. Balance training is one of the best tools we have to reduce the chance of another sprain. Start with standing on one leg for 30 seconds, then make it harder: eyes closed, on a cushion, while catching a ball or while turning your head.
## Stage 5: Sport-specific training
Now we start to look like your sport again. We''ll progress through:
1. straight-line jogging, then running
2. hopping on the spot, then forwards and sideways
3. landing from a jump and sticking the landing
4. cutting and changing direction at increasing speeds
5. drills from your own sport: leading and pivoting for netballers, dribbling and turning for footballers
## The return-to-sport checklist
Before you play a full game, we''d like you to be able to say yes to these:
- full, pain-free range of movement
- strength and balance close to your other side
- confident hopping, landing and changing direction at game speed
- at least one or two full training sessions completed without a flare-up
- you feel ready, not just that the team needs you
Many players also choose to tape or brace the ankle for the rest of the season, which is a reasonable option while you keep up your balance work.
## Conclusion
A sprained ankle is rarely serious, but it deserves more respect than a bag of ice and a week off. Working through movement, strength, balance and sport-specific training gives you the best chance of getting back on court or field and staying there. If you''ve rolled an ankle, or it keeps happening, book an initial assessment and we''ll build a plan around your sport and season.', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'published', '2026-10-21 15:08:47.579+00', NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.posts VALUES ('33b843f0-8b13-4c4f-b0f3-b01658bac34b', 'what-to-expect-at-your-first-visit', 'What to Expect at Your First Visit', 'Never seen a chiropractor before, or just new to us? Here''s what happens at your first appointment, what to bring, and how we make decisions about your care together.', 'Walking into a new clinic can feel a little uncertain, especially if you''ve never seen a chiropractor before. We''d like you to know exactly what''s going to happen, so here''s a walk-through of a typical first appointment at Westside Sports Chiro.
Your initial assessment is booked for 45 minutes. That gives us time to listen properly, assess you thoroughly and, in most cases, start treatment on the same day.
## Before you arrive
- **Fill in the intake form.** We''ll email you a short form when you book. It asks about your health history, medications and what''s brought you in, and it saves time on the day.
- **Bring anything relevant.** Scans, reports, referrals or a list of medications are all helpful. Runners and cyclists: a rough idea of your weekly training is gold.
- **Wear comfortable clothes.** Something you can move, squat and lunge in. Shorts are handy for knee, ankle and hip problems, and we have gowns if you need one.
- **Arrive five minutes early.** That gives you time to park and settle in.
## The conversation
We start by talking. We''ll ask what''s bothering you, when and how it started, what makes it better or worse, and how it affects your sport, work and sleep. We''ll also ask about your general health, because some symptoms need a different kind of care, and our job is to spot those.
Most importantly, we''ll ask what you want to get back to. Finishing a half marathon, playing a full game of netball or sitting through a workday without a sore back are all different goals, and they shape your plan.
## The assessment
Next, we look at how you move. Depending on your concern, this may include:
- watching you walk, squat, lunge, hop or run
- checking the range of movement of your spine and joints
- orthopaedic tests to narrow down which structures are involved
- neurological checks such as reflexes, strength and sensation
We''ll explain what we''re doing as we go. If anything is uncomfortable, tell us and we''ll change our approach.
## Explaining what we''ve found
Before any treatment, we''ll explain what we think is going on in plain language, what the likely timeframe looks like and what we recommend. If your problem is better suited to another professional, such as your GP, a physiotherapist or a sports physician, we''ll tell you and help with a referral.
You''re always welcome to ask questions, and you don''t have to commit to a long course of care. Most sports injuries need a handful of visits plus the work you do at home, and we''ll review progress regularly.
## Treatment
With your consent, treatment may start on the day. It could include:
- **Spinal or joint adjustments:** quick, controlled movements to stiff joints, sometimes with a harmless clicking sound
- **Soft-tissue therapy:** massage and trigger point work for tight or overloaded muscles
- **Exercises:** usually two or three to start with, chosen so you''ll actually do them
If you''d prefer not to have adjustments, just say so. There are gentler options that work well, and your comfort comes first.
## After your visit
Some people feel a little sore for a day or two after their first treatment, much like after a new gym session. That''s normal and usually settles quickly. Keep moving gently, do your exercises and let us know if anything worries you.
## Fees and rebates
Our fees are listed on each service page. If you have private health insurance with extras cover, you can usually claim on the spot with your card. If your GP has referred you under a chronic disease management plan, bring the referral and we''ll explain how the Medicare rebate works.
## Conclusion
Your first visit is about understanding you, your body and your sport, and agreeing on a plan together. There are no trick questions and no pressure. If you''re ready, book an initial assessment online, or get in touch if you''d like to ask something first.', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'published', '2026-09-16 15:08:47.579+00', NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.posts VALUES ('62fadb33-f080-4197-928e-a489d22dbd33', 'netball-preseason-landing-drills', 'Netball Preseason: Training Knees and Ankles to Land Well', 'Most netball knee and ankle injuries happen on landing. A simple preseason routine to build strength, balance and better landing habits before the first whistle.', 'Netball asks a lot of your knees and ankles. Every game involves dozens of jumps, sudden stops and landings on one leg, often while you''re catching a ball and looking for a pass. It''s no surprise that knee and ankle injuries are the most common reasons netballers miss games.
The encouraging news is that structured warm-ups and landing training have a good track record of reducing lower-limb injuries in team sports. Preseason is the perfect time to build the habits.
## Why landing matters
A good landing spreads force through your ankles, knees and hips. A poor one, with a stiff, straight knee or the knee collapsing inwards, puts more strain on the ligaments. Fatigue, weak hips and rushed footwork all make poor landings more likely, which is why injuries tend to cluster late in games.
You don''t need to think about every detail during a match. The goal of preseason training is to make good landings automatic.
## What a good landing looks like
- **Soft and quiet:** land through the balls of your feet and let your ankles, knees and hips bend to absorb the force
- **Knees over toes:** your knee tracks in line with your second toe rather than caving inwards
- **Chest over knees:** lean slightly forward from the hips rather than landing upright and stiff
- **Balanced:** you could hold the landing for a second if you had to
Filming yourself on a phone is a great way to check. Many players are surprised by what they see.
## A preseason routine (two to three times a week)
Start with the easier level and progress when you can do it well. Quality first, then height and speed.
1. **Squats (3 × 10):** slow and controlled, knees tracking over toes. Progress to single-leg squats to a box.
2. **Walking lunges (3 × 8 each leg):** upright trunk, front knee steady.
3. **Single-leg calf raises (3 × 15 each leg):** full height, slow lowering.
4. **Single-leg balance (3 × 30 seconds each leg):** progress by closing your eyes, standing on a cushion or catching a ball.
5. **Double-leg jump and stick (3 × 6):** jump up, land softly and hold for two seconds.
6. **Single-leg hop and stick (3 × 6 each leg):** small hops forwards and sideways, freezing on each landing.
7. **Land and pivot (3 × 6 each side):** jump to catch an imaginary pass, land on one foot and pivot before "passing" off.
The whole routine takes about 20 minutes and doubles as a warm-up once you''re comfortable with it.
## Building it into the season
Keep doing a shorter version of the routine once the season starts. Ten minutes before training, focusing on the hopping and landing drills, is enough to maintain the benefits. Programs tend to stop working when players stop doing them, so it helps if the whole team takes part.
## Conclusion
Good landings are a skill, and like any skill they improve with practice. A few short sessions a week during preseason can leave you stronger, steadier and more confident on court. If you''ve had a knee or ankle injury before, or you''d like us to check your landing technique, book an assessment with Joey before the season starts.', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'draft', NULL, NULL, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.practitioners VALUES ('fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'jason-lee', 'Jason Lee', 'Chiropractor, running and endurance sport', 'Jason has spent most of his career working with runners, triathletes and cyclists, from people training for their first 5 km to masters athletes chasing a personal best at the marathon. He is especially interested in how training load, strength and running technique fit together, and he likes to see your training log as much as your sore spot.
His treatment usually combines spinal and joint adjustments, soft-tissue work and a clear, progressive exercise plan that you can keep doing between visits. He would rather you leave with a plan you understand than a long list of appointments.
Outside the clinic, Jason runs the Bay Run most mornings, has completed several road marathons and is slowly learning to enjoy hill repeats. He also runs the clinic''s running assessments and Saturday morning sessions.', NULL, true, 1, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', NULL);
INSERT INTO public.practitioners VALUES ('9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'joey-lee', 'Joey Lee', 'Chiropractor, team sports and youth athletes', 'Joey works mainly with team-sport athletes: netball, football, rugby league, touch and basketball players who need to sprint, change direction, jump and land, often several times a week. She has a particular interest in ankle and knee injuries, and in helping teenagers manage a busy sporting calendar while they are still growing.
Her sessions blend hands-on care, including adjustments and sports massage, with rehab in the clinic gym. Joey is big on return-to-sport testing: before you go back to a full game, she wants you to pass the hops, cuts and landings that your sport will demand of you.
Joey played representative netball through school and university and now coaches a junior team on weekends. She also runs injury-prevention workshops for local clubs during preseason.', NULL, true, 2, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00', NULL);
INSERT INTO public.reviews VALUES ('61b84051-5877-4e26-8209-6ac347f7cdaf', 'Sarah Whitcombe', 5, 'I''d been battling a sore hip through my half-marathon build and was close to pulling out. Jason looked at my training, my running and my back, gave me a handful of exercises and tweaked my long runs. I finished the race feeling strong and I''m already planning the next one.', 'sarah.whitcombe@example.com', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'approved', true, '2026-11-21 15:08:47.579+00', '2026-11-21 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('4236777f-3b8e-4187-9041-560834e126a9', 'Aisha Rahman', 5, 'I rolled my ankle badly in round three and thought my netball season was over. Joey took me through every stage of rehab and wouldn''t let me go back until I''d passed her hopping and landing tests. Annoying at the time, but I played out the season without another sprain.', 'aisha.rahman@example.com', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'approved', true, '2026-11-14 15:08:47.579+00', '2026-11-14 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('96fb3aac-28ab-4c91-b412-796f7c134315', 'Karen Papadopoulos', 5, 'My 15-year-old plays football four times a week and kept getting sore knees. Joey was brilliant with him: she spoke to him directly, not just to me, explained growth-related knee pain in a way he understood and gave him a plan that fitted around training. He''s much happier and so am I.', 'karen.p@example.com', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'approved', true, '2026-11-07 15:08:47.579+00', '2026-11-07 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('73d4dc9a-510a-4ce2-b557-fb7ae548dada', 'Daniel Ferreira', 4, 'Desk job, stiff neck, regular headaches by mid-afternoon. Jason sorted out my workstation set-up over a few visits and the neck is a lot better. Only reason it''s not five stars is that late appointments book out quickly, so plan ahead.', NULL, 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'approved', false, '2026-10-30 15:08:47.579+00', '2026-10-30 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('0f89cd30-3597-4fb8-b632-e558e2ea1c43', 'Mel O''Connor', 5, 'Lower back pain on long rides was taking the fun out of cycling. Jason checked my position on the bike, treated my back and gave me core work I can do in ten minutes. I did a 120 km ride last weekend with no complaints.', 'mel.oconnor@example.com', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'approved', false, '2026-10-23 15:08:47.579+00', '2026-10-23 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('abcf6004-1ae7-4058-b22b-cf9cc7db746c', 'Liam Brennan', 4, 'Tight hamstrings and a cranky lower back from rugby league. The sports massage with Joey was firm and exactly what I needed before finals. Good advice on warming up properly too.', NULL, '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'approved', false, '2026-10-17 15:08:47.579+00', '2026-10-17 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('d1e5dc87-8746-44da-851b-c1ea4043752d', 'Grace Tan', 3, 'Treatment itself was good and my shoulder has improved. Parking nearby was hard to find at 5 pm, and my appointment started about fifteen minutes late. I''d come back, but I''ll book a morning slot next time.', 'grace.tan@example.com', NULL, 'approved', false, '2026-10-09 15:08:47.579+00', '2026-10-09 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('5caa826b-1877-4d65-9b88-5831402919b0', 'Chris Morgan', 5, 'Friendly team, easy online booking and they actually explained what was going on with my back. I was back training within a few weeks and I''ve kept up the exercises. Highly recommend Westside Sports Chiro!', NULL, NULL, 'approved', false, '2026-10-03 15:08:47.579+00', '2026-10-03 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('2232da17-6630-4d76-b3b6-8f6c3fb82124', 'Rebecca Hall', 5, 'Friendly team, easy online booking and they actually explained what was going on with my back. I was back training within a few weeks and I''ve kept up the exercises. Highly recommend Westside Sports Chiro!', NULL, NULL, 'approved', false, '2026-09-30 15:08:47.579+00', '2026-09-30 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('3788fef3-61c4-4c39-a48d-504a0f4d8198', 'Priya Sharma', 4, 'Training for my first triathlon, I was worried about a niggly knee. The running assessment was really eye-opening. Seeing myself on video made the cadence advice click. Knee is behaving and I''ve kept the strength program going.', 'priya.sharma@example.com', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'approved', false, '2026-09-24 15:08:47.579+00', '2026-09-24 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('39573446-14ca-4e7c-98bf-5ec9ee9e8b2f', 'Ben Kowalski', 5, 'Strained my calf at touch footy and expected to be out for ages. Joey got me into the clinic gym within a week, and the progression from calf raises to sprints was clear every step of the way. Back playing in under five weeks.', NULL, '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'approved', false, '2026-09-17 15:08:47.579+00', '2026-09-17 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('975fa781-1f26-422b-bc4f-b2295e109bec', 'Hannah Lewis', 4, 'As a masters swimmer with a grumpy shoulder I wasn''t sure a sports chiro would help, but Joey''s mix of hands-on treatment and band exercises has made a real difference. Friendly front desk, easy to reschedule online.', 'hannah.lewis@example.com', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'approved', false, '2026-09-08 15:08:47.579+00', '2026-09-08 15:08:47.579+00', '[]', NULL);
INSERT INTO public.reviews VALUES ('7b1c82b1-12c1-441b-839f-0e5c0127df55', 'Marco Rossi', 5, 'Came in with a stiff mid back after a weekend of moving house and playing five-a-side. Jason explained everything clearly and I felt much freer by the end of the session. Will be back for a follow-up.', 'marco.rossi@example.com', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 'pending', false, '2026-11-28 15:08:47.579+00', NULL, '[]', NULL);
INSERT INTO public.reviews VALUES ('7827b59f-b1a3-41e2-b77f-d0379ba5a2c3', 'Olivia Chen', 4, 'My daughter''s netball coach recommended Joey for her ankle. Very thorough first appointment and a clear home program. Booking online was easy, though I''d love more after-school times.', NULL, '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 'pending', false, '2026-11-29 15:08:47.579+00', NULL, '[]', NULL);
INSERT INTO public.service_practitioners VALUES ('7d64aa0d-6ced-4c4e-8307-c3c528d1f9df', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4');
INSERT INTO public.service_practitioners VALUES ('7d64aa0d-6ced-4c4e-8307-c3c528d1f9df', '9f5de33e-cf2a-41d0-8afc-8d35ed960575');
INSERT INTO public.service_practitioners VALUES ('b9be05b0-0997-445e-b027-8e43c216bada', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4');
INSERT INTO public.service_practitioners VALUES ('b9be05b0-0997-445e-b027-8e43c216bada', '9f5de33e-cf2a-41d0-8afc-8d35ed960575');
INSERT INTO public.service_practitioners VALUES ('47246f55-5f72-4ddb-94c5-3705cc9b040d', '9f5de33e-cf2a-41d0-8afc-8d35ed960575');
INSERT INTO public.service_practitioners VALUES ('69b99382-734b-4e87-8ae1-42877cd7eb6d', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4');
INSERT INTO public.service_practitioners VALUES ('69b99382-734b-4e87-8ae1-42877cd7eb6d', '9f5de33e-cf2a-41d0-8afc-8d35ed960575');
INSERT INTO public.service_practitioners VALUES ('87c51115-0c09-4e32-a50f-3f84fa5b3926', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4');
INSERT INTO public.services VALUES ('7d64aa0d-6ced-4c4e-8307-c3c528d1f9df', 'initial-assessment', 'Initial Assessment & Treatment', 'Your first visit: a detailed history, movement and sport-specific assessment, an explanation of what we find, and your first treatment if it''s appropriate.', 'Your first appointment is all about understanding you: your injury or concern, your sport, your training and your goals.
**What''s included**
- A conversation about your history, training load and what you want to get back to
- A movement assessment plus relevant orthopaedic and neurological tests
- A clear explanation of what we think is going on, and a plan you can follow
- Treatment on the day where appropriate, which may include adjustments, soft-tissue work and exercises
Please wear or bring comfortable clothes you can move in, and bring any scans, reports or referrals you have. If it turns out you need another health professional, we''ll tell you and help arrange it.', 45, 0, 10, 12000, 'new', true, 1, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.services VALUES ('b9be05b0-0997-445e-b027-8e43c216bada', 'follow-up-adjustment', 'Follow-up Adjustment', 'A follow-up visit for existing patients: we check your progress, treat, and update your home exercises so you keep moving forward.', 'Follow-up visits build on your initial assessment. We''ll check how you''ve responded since last time, re-test the movements that matter for your sport and adjust the plan as you improve.
Treatment may include spinal and joint adjustments, soft-tissue techniques and a review of your home program. As you get better, we space visits further apart; the aim is for you to need us less, not more.
This appointment is for returning patients. If it''s been more than 12 months since your last visit, or you have a new injury, please book an initial assessment instead.', 30, 0, 5, 7900, 'returning', true, 2, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.services VALUES ('47246f55-5f72-4ddb-94c5-3705cc9b040d', 'sports-massage', 'Sports Massage', 'A firm, focused 60-minute massage for training recovery, tight spots and match preparation, tailored to your sport and where you are in your season.', 'Sports massage is a hands-on session aimed at the areas that take the most load in your sport: calves and hamstrings for runners, hips and lower back for cyclists, shoulders for swimmers and throwers.
**Good for**
- Recovery during a heavy training block
- Easing tightness before a race or finals series
- Feeling more comfortable while you work through a rehab plan
We''ll check in about pressure throughout, and we adjust the session around any current injuries. Massage feels great and can help you feel looser, but it works best alongside strength work and sensible training, not instead of them.', 60, 0, 10, 11500, 'any', true, 3, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.services VALUES ('69b99382-734b-4e87-8ae1-42877cd7eb6d', 'rehab-strength-session', 'Rehab & Strength Session', 'A coached session in our clinic gym to rebuild strength, control and confidence after injury, with a program you can take home.', 'Most injuries don''t fully settle until the tissue can handle the load your sport puts on it. These sessions take place in our small clinic gym, one on one, and focus on getting you strong enough to return and stay there.
**A session might include**
- Progressive strength work for calves, hips, trunk or shoulders
- Balance, hopping and landing drills
- Running, cutting or sport-specific movement practice
- Testing against your return-to-sport goals
You''ll leave with an updated program in plain language that you can do at home or at your own gym. Rehab sessions are for existing patients, so we know your history before we load you up.', 45, 0, 5, 9500, 'returning', true, 4, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.services VALUES ('87c51115-0c09-4e32-a50f-3f84fa5b3926', 'running-assessment', 'Running Assessment', 'A 30-minute treadmill session with video analysis of your running, plus practical tips on cadence, load and footwear to help you train comfortably.', 'A running assessment looks at how you move at speed, which is often different from how you move on the treatment table.
**What we do**
- Film you on the treadmill at easy and faster paces
- Review your cadence, foot strike, hip and trunk control, and arm swing
- Talk through your weekly training, recent changes and footwear
- Give you one or two simple, practical changes to try, not a complete overhaul
This suits healthy runners who want a check-up before a training block, as well as runners with a niggle. If you''re in pain while you run, we may suggest an initial assessment first.', 30, 0, 5, 8500, 'any', true, 5, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.staff_users VALUES ('82f5b3ed-e67c-4fb5-99ed-23841c936563', 'owner@westsidesportschiro.example', 'Megan Hartley', 'owner', NULL, '$argon2id$v=19$m=19456,t=2,p=1$fDx+Rs7jmtedX5gOmf5NjA$V0qm9sNMdI6vPRUUtFyEgsc0tdd0KibxQPKDfsu+VkY', true, '2026-11-30 15:08:47.69617+00', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.time_off VALUES ('421f6e58-3307-484e-b67d-71f0e6169bce', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', '2026-12-12', '2026-12-12', NULL, NULL, 'Sports chiropractic conference', '2026-11-30 15:08:47.69617+00');
INSERT INTO public.working_hours VALUES ('cadbc852-aa57-42ae-a388-5232a7060b00', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 1, '08:00', '12:30');
INSERT INTO public.working_hours VALUES ('12f53930-7d84-42e7-8516-8824b8a9ff48', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 1, '13:30', '18:00');
INSERT INTO public.working_hours VALUES ('55010e13-49ef-42cd-84b4-26d5a62bc649', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 2, '08:00', '12:30');
INSERT INTO public.working_hours VALUES ('41060be6-6c7d-4ce0-b08d-4b0bfae48806', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 2, '13:30', '19:00');
INSERT INTO public.working_hours VALUES ('ad4164ad-573f-47ec-bff2-60c99ddaf5ea', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 3, '08:00', '12:30');
INSERT INTO public.working_hours VALUES ('c22f8cca-ba4f-468c-b424-158c453a3441', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 3, '13:30', '18:00');
INSERT INTO public.working_hours VALUES ('209b2b51-11fc-4a8f-99ad-29a4331c8db9', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 4, '08:00', '12:30');
INSERT INTO public.working_hours VALUES ('40f8c792-8976-4e40-926d-b1a6d0e2bf7f', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 4, '13:30', '18:00');
INSERT INTO public.working_hours VALUES ('dcd16367-6802-457c-a446-c0170590c76a', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 5, '08:00', '12:30');
INSERT INTO public.working_hours VALUES ('c17f106a-72fc-477a-9de3-196c680de391', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 5, '13:30', '17:00');
INSERT INTO public.working_hours VALUES ('82d7eead-1a5b-4e70-b2cd-19277b5e1781', 'fd9ff5e6-b98e-4b45-88ff-7923306d80d4', 6, '08:00', '12:00');
INSERT INTO public.working_hours VALUES ('85e51668-f80d-4594-9982-4ec93edbf5d0', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 1, '09:00', '13:00');
INSERT INTO public.working_hours VALUES ('fe78d24e-9b16-48da-bdb4-805ba81e78f2', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 1, '14:00', '18:00');
INSERT INTO public.working_hours VALUES ('a27f298d-9171-4ed7-a9c4-d87e40534f9f', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 2, '07:30', '12:00');
INSERT INTO public.working_hours VALUES ('afcf3c90-c9d0-4487-b049-18968c1129f6', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 2, '13:00', '18:00');
INSERT INTO public.working_hours VALUES ('1efc58e0-33e6-4ae9-b274-4ce0a4e8ce71', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 4, '09:00', '13:00');
INSERT INTO public.working_hours VALUES ('6215ab09-50ec-49b8-9651-abac35bca823', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 4, '14:00', '19:00');
INSERT INTO public.working_hours VALUES ('d4553a4e-ecbe-4408-a52c-e617a6149b2f', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 5, '09:00', '13:00');
INSERT INTO public.working_hours VALUES ('2fdf3fda-968f-4c00-b96b-80fa084d51d4', '9f5de33e-cf2a-41d0-8afc-8d35ed960575', 5, '14:00', '17:00');
SELECT pg_catalog.setval('drizzle.__drizzle_migrations_id_seq', 6, true);
ALTER TABLE ONLY drizzle.__drizzle_migrations
    ADD CONSTRAINT __drizzle_migrations_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.booking_events
    ADD CONSTRAINT booking_events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_idempotency_key_unique UNIQUE (idempotency_key);
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_manage_token_hash_unique UNIQUE (manage_token_hash);
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (practitioner_id WITH =, during WITH &&) WHERE ((status <> 'cancelled'::public.booking_status));
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.clinic_closures
    ADD CONSTRAINT clinic_closures_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.clinic_settings
    ADD CONSTRAINT clinic_settings_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.enquiries
    ADD CONSTRAINT enquiries_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.enquiry_notes
    ADD CONSTRAINT enquiry_notes_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT outbox_messages_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.patients
    ADD CONSTRAINT patients_email_unique UNIQUE (email);
ALTER TABLE ONLY public.patients
    ADD CONSTRAINT patients_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.post_tags
    ADD CONSTRAINT post_tags_post_id_tag_pk PRIMARY KEY (post_id, tag);
ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_slug_unique UNIQUE (slug);
ALTER TABLE ONLY public.practitioners
    ADD CONSTRAINT practitioners_calendar_token_hash_unique UNIQUE (calendar_token_hash);
ALTER TABLE ONLY public.practitioners
    ADD CONSTRAINT practitioners_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.practitioners
    ADD CONSTRAINT practitioners_slug_unique UNIQUE (slug);
ALTER TABLE ONLY public.rate_limit_hits
    ADD CONSTRAINT rate_limit_hits_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.service_practitioners
    ADD CONSTRAINT service_practitioners_service_id_practitioner_id_pk PRIMARY KEY (service_id, practitioner_id);
ALTER TABLE ONLY public.services
    ADD CONSTRAINT services_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.services
    ADD CONSTRAINT services_slug_unique UNIQUE (slug);
ALTER TABLE ONLY public.sign_in_failures
    ADD CONSTRAINT sign_in_failures_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.staff_sessions
    ADD CONSTRAINT staff_sessions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.staff_sessions
    ADD CONSTRAINT staff_sessions_token_hash_unique UNIQUE (token_hash);
ALTER TABLE ONLY public.staff_users
    ADD CONSTRAINT staff_users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.time_off
    ADD CONSTRAINT time_off_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.working_hours
    ADD CONSTRAINT working_hours_pkey PRIMARY KEY (id);
CREATE INDEX audit_log_actor_idx ON public.audit_log USING btree (actor_id, created_at);
CREATE INDEX audit_log_created_idx ON public.audit_log USING btree (created_at);
CREATE INDEX audit_log_entity_idx ON public.audit_log USING btree (entity, entity_id);
CREATE INDEX booking_events_booking_idx ON public.booking_events USING btree (booking_id, created_at);
CREATE INDEX bookings_patient_idx ON public.bookings USING btree (patient_id);
CREATE INDEX bookings_practitioner_starts_idx ON public.bookings USING btree (practitioner_id, starts_at);
CREATE INDEX bookings_starts_idx ON public.bookings USING btree (starts_at);
CREATE INDEX enquiries_status_created_idx ON public.enquiries USING btree (status, created_at);
CREATE INDEX enquiry_notes_enquiry_idx ON public.enquiry_notes USING btree (enquiry_id, created_at);
CREATE INDEX outbox_booking_idx ON public.outbox_messages USING btree (booking_id);
CREATE INDEX outbox_due_idx ON public.outbox_messages USING btree (status, send_after);
CREATE INDEX post_tags_tag_idx ON public.post_tags USING btree (tag);
CREATE INDEX posts_status_published_idx ON public.posts USING btree (status, published_at);
CREATE INDEX rate_limit_hits_lookup_idx ON public.rate_limit_hits USING btree (bucket, key, created_at);
CREATE INDEX reviews_status_created_idx ON public.reviews USING btree (status, created_at);
CREATE INDEX service_practitioners_practitioner_idx ON public.service_practitioners USING btree (practitioner_id);
CREATE INDEX sign_in_failures_address_created_idx ON public.sign_in_failures USING btree (address, created_at);
CREATE INDEX sign_in_failures_email_created_idx ON public.sign_in_failures USING btree (email, created_at);
CREATE INDEX staff_sessions_user_idx ON public.staff_sessions USING btree (user_id);
CREATE UNIQUE INDEX staff_users_email_unique ON public.staff_users USING btree (lower(email));
CREATE INDEX time_off_practitioner_idx ON public.time_off USING btree (practitioner_id, end_date);
CREATE INDEX working_hours_practitioner_idx ON public.working_hours USING btree (practitioner_id, weekday);
ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_actor_id_staff_users_id_fk FOREIGN KEY (actor_id) REFERENCES public.staff_users(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.booking_events
    ADD CONSTRAINT booking_events_booking_id_bookings_id_fk FOREIGN KEY (booking_id) REFERENCES public.bookings(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_patient_id_patients_id_fk FOREIGN KEY (patient_id) REFERENCES public.patients(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_service_id_services_id_fk FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.enquiry_notes
    ADD CONSTRAINT enquiry_notes_author_id_staff_users_id_fk FOREIGN KEY (author_id) REFERENCES public.staff_users(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.enquiry_notes
    ADD CONSTRAINT enquiry_notes_enquiry_id_enquiries_id_fk FOREIGN KEY (enquiry_id) REFERENCES public.enquiries(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.outbox_messages
    ADD CONSTRAINT outbox_messages_booking_id_bookings_id_fk FOREIGN KEY (booking_id) REFERENCES public.bookings(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.post_tags
    ADD CONSTRAINT post_tags_post_id_posts_id_fk FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.posts
    ADD CONSTRAINT posts_author_id_practitioners_id_fk FOREIGN KEY (author_id) REFERENCES public.practitioners(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.service_practitioners
    ADD CONSTRAINT service_practitioners_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.service_practitioners
    ADD CONSTRAINT service_practitioners_service_id_services_id_fk FOREIGN KEY (service_id) REFERENCES public.services(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.staff_sessions
    ADD CONSTRAINT staff_sessions_user_id_staff_users_id_fk FOREIGN KEY (user_id) REFERENCES public.staff_users(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.staff_users
    ADD CONSTRAINT staff_users_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE SET NULL;
ALTER TABLE ONLY public.time_off
    ADD CONSTRAINT time_off_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.working_hours
    ADD CONSTRAINT working_hours_practitioner_id_practitioners_id_fk FOREIGN KEY (practitioner_id) REFERENCES public.practitioners(id) ON DELETE CASCADE;
