-- btree_gist lets a GiST index compare plain equality (practitioner_id) next to range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No two active bookings of one practitioner may block overlapping time (buffers included).
-- Ranges are half-open, so back-to-back bookings are allowed; cancelled ones release their time.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("practitioner_id" WITH =, "during" WITH &&)
  WHERE ("status" <> 'cancelled');
