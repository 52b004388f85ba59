-- Admins edit curricula in the browser. A week that learners' history refers to is
-- archived rather than deleted when it is removed: it keeps its row (progress keeps its
-- foreign keys) and gives up its number, so that the weeks left are numbered 1..N again.
-- Several archived weeks of a curriculum may have no number: the unique key treats
-- nulls as distinct on H2 and on PostgreSQL.

alter table week add column archived_at timestamp with time zone;

alter table week alter column number drop not null;

alter table week add constraint ck_week_numbered check (archived_at is not null or number is not null);
