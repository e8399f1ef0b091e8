-- Audit entries in one naming scheme (`<entity>.<verb>`, the entity being the `entity` column)
-- and one change shape (`{ field: { from, to } }`), so the admin reads every entry one way.
-- Idempotent: entries already in the new names and shape are left as they are.
UPDATE "audit_log" SET "action" = CASE "action"
    WHEN 'schedule.set_weekly_hours' THEN 'practitioner.set_weekly_hours'
    WHEN 'schedule.add_time_off' THEN 'time_off.create'
    WHEN 'schedule.remove_time_off' THEN 'time_off.delete'
    WHEN 'schedule.add_closure' THEN 'clinic_closure.create'
    WHEN 'schedule.remove_closure' THEN 'clinic_closure.delete'
    WHEN 'practitioner.photo' THEN 'practitioner.update_photo'
    WHEN 'enquiry.status' THEN 'enquiry.set_status'
    WHEN 'enquiry.note' THEN 'enquiry.add_note'
    ELSE 'staff_user.' || substr("action", length('staff.') + 1)
  END
  WHERE "action" IN (
    'schedule.set_weekly_hours', 'schedule.add_time_off', 'schedule.remove_time_off',
    'schedule.add_closure', 'schedule.remove_closure', 'practitioner.photo',
    'enquiry.status', 'enquiry.note'
  ) OR "action" LIKE 'staff.%';
--> statement-breakpoint
UPDATE "audit_log" SET "entity" = split_part("action", '.', 1)
  WHERE "entity" <> split_part("action", '.', 1);
--> statement-breakpoint
-- A stored value that is already one field's change: exactly the keys `from` and `to`.
CREATE FUNCTION "audit_is_field_change"(value jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_typeof(value) = 'object'
      AND value ?& ARRAY['from', 'to']
      AND (SELECT count(*) FROM jsonb_object_keys(value)) = 2
  $$;
--> statement-breakpoint
-- The old shapes, read into the new one:
--   { after: {…} }              a creation: each key becomes { from: null, to }
--   { before: {…} }             a deletion: each key becomes { from, to: null }
--   { before: [...], after: [...] }  a whole value replaced (the weekly hours): one field
--   { k: { before, after } }    becomes { k: { from, to } }
--   k: v (a detail or a count)  becomes { k: { from: null, to: v } }
CREATE FUNCTION "audit_changes_in_one_shape"(action text, changes jsonb) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE
    result jsonb := '{}'::jsonb;
    field record;
    snapshot_key text;
    field_name text;
    snapshot_before jsonb;
    snapshot_after jsonb;
  BEGIN
    IF jsonb_typeof(changes) IS DISTINCT FROM 'object' THEN
      RETURN changes;
    END IF;
    FOR field IN SELECT * FROM jsonb_each(changes) LOOP
      field_name := CASE
        WHEN action = 'booking.cancel' AND field.key = 'reason' THEN 'cancellationReason'
        ELSE field.key
      END;
      IF audit_is_field_change(field.value) THEN
        result := result || jsonb_build_object(field_name, field.value);
      ELSIF jsonb_typeof(field.value) = 'object'
        AND field.value ?& ARRAY['before', 'after']
        AND (SELECT count(*) FROM jsonb_object_keys(field.value)) = 2 THEN
        result := result || jsonb_build_object(
          field_name, jsonb_build_object('from', field.value -> 'before', 'to', field.value -> 'after'));
      ELSIF field.key = 'before' THEN
        snapshot_before := field.value;
      ELSIF field.key = 'after' THEN
        snapshot_after := field.value;
      ELSE
        result := result || jsonb_build_object(field_name, jsonb_build_object('from', NULL, 'to', field.value));
      END IF;
    END LOOP;

    -- JSON null on a side means nothing was recorded there.
    IF jsonb_typeof(snapshot_before) = 'null' THEN snapshot_before := NULL; END IF;
    IF jsonb_typeof(snapshot_after) = 'null' THEN snapshot_after := NULL; END IF;
    IF snapshot_before IS NULL AND snapshot_after IS NULL THEN
      RETURN result;
    END IF;

    IF coalesce(jsonb_typeof(snapshot_before), 'object') = 'object'
      AND coalesce(jsonb_typeof(snapshot_after), 'object') = 'object' THEN
      FOR snapshot_key IN
        SELECT jsonb_object_keys(coalesce(snapshot_before, '{}'::jsonb))
        UNION
        SELECT jsonb_object_keys(coalesce(snapshot_after, '{}'::jsonb))
      LOOP
        result := result || jsonb_build_object(snapshot_key, jsonb_build_object(
          'from', coalesce(snapshot_before -> snapshot_key, 'null'::jsonb),
          'to', coalesce(snapshot_after -> snapshot_key, 'null'::jsonb)));
      END LOOP;
    ELSE
      result := result || jsonb_build_object(
        CASE WHEN action = 'practitioner.set_weekly_hours' THEN 'weeklyHours' ELSE 'value' END,
        jsonb_build_object(
          'from', coalesce(snapshot_before, 'null'::jsonb),
          'to', coalesce(snapshot_after, 'null'::jsonb)));
    END IF;
    RETURN result;
  END
  $$;
--> statement-breakpoint
UPDATE "audit_log" SET "changes" = audit_changes_in_one_shape("action", "changes")
  WHERE "changes" IS DISTINCT FROM audit_changes_in_one_shape("action", "changes");
--> statement-breakpoint
DROP FUNCTION "audit_changes_in_one_shape"(text, jsonb);
--> statement-breakpoint
DROP FUNCTION "audit_is_field_change"(jsonb);
