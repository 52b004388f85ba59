-- Indexes for a school of 100k learners (docs/database-indexes.md has the plans). Each
-- avoids a sequential scan of a table that grows with the learners or their check-offs.
-- No partial indexes: the same chain runs on H2, which has none.

-- The active-learners gauge counts learners with events in the last seven days, once a
-- minute: a range of this index, read without touching the table.
create index ix_event_time_learner on progress_event (occurred_at, learner_id);

-- Whether anyone ever finished a week, asked when an admin edits or removes one.
create index ix_event_week on progress_event (week_id, enrollment_id);

-- Learners per item for the curriculum editor, answered from the index alone. It starts
-- with item_id, so it also serves what ix_check_off_item did.
create index ix_check_off_item_enrollment on check_off (item_id, enrollment_id);
drop index ix_check_off_item;

-- The enabled admins, locked before an admin is disabled or demoted: a handful of rows
-- among every learner.
create index ix_user_role on app_user (role, enabled);
