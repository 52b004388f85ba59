-- Fills a Stepwise database (schema and default curricula already made by the app's first
-- start) with :n learners and their history, in set-based statements. Run by
-- bench/scale-data.sh, which passes n and the password hash.
--
-- Learners: every learner is enrolled in the 24-week syllabus, two in five also in the
-- 12-month roadmap. A learner moves through a curriculum at their own speed (0.4 to 1.2
-- of the planned pace) from their start date: every week before the one they are on is
-- finished (all its items checked, the finish recorded), the current week is partly done
-- (never all it needs, so it stays open), later weeks untouched. Check-offs follow the
-- gate in time (a week's items after the previous week's finish), so the events read as
-- months of work; those fast enough or long enough in have finished.
-- Cohorts: on the syllabus, 500 learners in the first, then 50 to 500 each, one or two
-- mentors each; a learner's syllabus start date is their cohort's. One more cohort,
-- "Whole school", holds the first 10,000 learners (for the CSV export at scale).
-- Evidence: one in four done project tasks of the syllabus, reviewed or waiting.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set work_mem = '256MB';
do $$ begin perform setseed(0.42); end $$;

do $$ begin
  if exists (select 1 from app_user where username = 'learner1') then
    raise exception 'this database is already filled';
  end if;
end $$;

create temp table params as select :n::int as n, date_trunc('hour', now()) as t0;

create temp table items as
select w.curriculum_id, w.id as week_id, dense_rank() over (partition by w.curriculum_id order by w.number) as j,
       i.id as item_id, i.kind,
       row_number() over (partition by w.id order by case i.kind when 'SKILL' then 0 else 1 end, i.position, i.id) as rank,
       count(*) over (partition by w.id) as cnt
from week w join curriculum_item i on i.week_id = w.id
where w.archived_at is null and i.archived_at is null;

create temp table curricula as
select c.id, c.slug, c.planned_weeks * 7.0 / (select max(j) from items where items.curriculum_id = c.id) as week_days,
       (select max(j) from items where items.curriculum_id = c.id) as weeks
from curriculum c where c.slug in ('django-24-week-syllabus', 'django-12-month-roadmap');

-- Cohort sizes: the first has 500 learners, the others 50 to 500.
create temp table cohorts as
select c, lo, least(hi, (select n from params)) as hi, start_date from (
  select c, sum(size) over (order by c) - size + 1 as lo, sum(size) over (order by c) as hi,
         ((select t0 from params) - ((c % 40) * 7 + 3) * interval '1 day')::date as start_date
  from (select c, case when c = 1 then 500 else 50 + (c * 97) % 451 end as size
        from generate_series(1, (select n from params) / 50 + 1) c) s) t
where lo <= (select n from params);

insert into app_user (username, email, display_name, password_hash, role, created_at, password_changed_at)
select 'learner' || g, 'learner' || g || '@bench.invalid', 'Learner ' || g, :'hash', 'LEARNER',
       p.t0 - interval '400 days', p.t0 - interval '400 days'
from params p, generate_series(1, p.n) g;

create temp table mentors as
select m, 'mentor' || m as username from generate_series(1, (select count(*) from cohorts) / 3 + 1) m;

insert into app_user (username, email, display_name, password_hash, role, created_at, password_changed_at)
select username, username || '@bench.invalid', 'Mentor ' || m, :'hash', 'MENTOR',
       p.t0 - interval '400 days', p.t0 - interval '400 days'
from mentors, params p;

insert into cohort (name, curriculum_id, start_date, invite_code, created_at)
select 'Cohort ' || c, (select id from curricula where slug = 'django-24-week-syllabus'), start_date,
       'bench' || lpad(c::text, 8, '0'), start_date - interval '14 days'
from cohorts order by c;

insert into cohort (name, curriculum_id, start_date, invite_code, created_at)
select 'Whole school', id, (select t0 from params)::date - 210, 'benchschool', (select t0 from params) - interval '220 days'
from curricula where slug = 'django-24-week-syllabus';

-- Mentor m has cohorts m, m + M, ...; every fourth cohort has a second mentor; mentor1
-- also has the whole school.
insert into cohort_mentor (cohort_id, mentor_id)
select k.id, u.id from cohorts ch
join cohort k on k.invite_code = 'bench' || lpad(ch.c::text, 8, '0')
join app_user u on u.username = 'mentor' || ((ch.c - 1) % (select count(*) from mentors) + 1)
union
select k.id, u.id from cohorts ch
join cohort k on k.invite_code = 'bench' || lpad(ch.c::text, 8, '0')
join app_user u on u.username = 'mentor' || (ch.c % (select count(*) from mentors) + 1)
where ch.c % 4 = 0
union
select k.id, u.id from cohort k, app_user u where k.invite_code = 'benchschool' and u.username = 'mentor1';

create temp table learners as
select u.id as learner_id, g, ch.c, k.id as cohort_id, ch.start_date
from generate_series(1, (select n from params)) g
join app_user u on u.username = 'learner' || g
join cohorts ch on g between ch.lo and ch.hi
join cohort k on k.invite_code = 'bench' || lpad(ch.c::text, 8, '0');

insert into cohort_learner (cohort_id, learner_id, joined_at)
select cohort_id, learner_id, start_date - interval '2 days' from learners;

insert into cohort_learner (cohort_id, learner_id, joined_at)
select k.id, l.learner_id, k.created_at + interval '1 day'
from learners l, cohort k where k.invite_code = 'benchschool' and l.g <= 10000;

-- Enrollments with the pace of each: f weeks of curriculum per planned week.
create temp table plan as
select l.learner_id, l.g, l.c, cu.id as curriculum_id, cu.slug, cu.week_days, cu.weeks,
       case when cu.slug = 'django-24-week-syllabus' then l.start_date
            else ((select t0 from params) - (7 + floor(random() * 330)) * interval '1 day')::date end as start_date,
       0.4 + 0.8 * random() as f
from learners l, curricula cu
where cu.slug = 'django-24-week-syllabus' or l.g % 5 in (0, 1);

alter table plan add column position numeric;
update plan set position = least(weeks, extract(epoch from (select t0 from params) - start_date::timestamptz) / 86400.0 / week_days * f);

insert into enrollment (learner_id, curriculum_id, start_date, enrolled_at)
select learner_id, curriculum_id, start_date, start_date - interval '2 days' from plan;

create temp table enrolled as
select e.id as enrollment_id, p.* from plan p
join enrollment e on e.learner_id = p.learner_id and e.curriculum_id = p.curriculum_id;

-- An item at place (j - 1 + rank / cnt) in weeks is done when the learner reaches it.
create temp table done as
select e.enrollment_id, e.learner_id, e.curriculum_id, i.week_id, i.item_id, i.kind, i.j, i.rank, i.cnt,
       e.start_date::timestamptz + (i.j - 1 + i.rank::numeric / i.cnt) * e.week_days / e.f * interval '1 day' as done_at
from enrolled e join items i on i.curriculum_id = e.curriculum_id
where i.j <= floor(e.position)
   or (i.j = floor(e.position) + 1 and i.rank <= floor((e.position - floor(e.position)) * i.cnt) and i.rank < i.cnt);

insert into check_off (enrollment_id, item_id, done_at)
select enrollment_id, item_id, done_at from done order by done_at;

insert into week_completion (enrollment_id, week_id, finished_at)
select enrollment_id, week_id, done_at from done where rank = cnt order by done_at;

insert into progress_event (enrollment_id, learner_id, type, item_id, week_id, occurred_at)
select enrollment_id, learner_id, type, item_id, week_id, at from (
  select e.enrollment_id, e.learner_id, 'ENROLLED' as type, null::bigint as item_id, null::bigint as week_id,
         e.start_date - interval '2 days' as at, 0 as o
  from enrolled e
  union all
  select enrollment_id, learner_id, 'CHECKED', item_id, null, done_at, 1 from done
  union all
  select enrollment_id, learner_id, 'WEEK_FINISHED', null, week_id, done_at, 2 from done where rank = cnt
) x order by at, o;

-- Evidence on one in four done project tasks of the syllabus: older ones reviewed by a
-- mentor of the learner's cohort (mostly accepted), the last two weeks' still waiting.
insert into evidence (enrollment_id, learner_id, curriculum_id, item_id, url, note, status, submitted_at,
                      feedback, reviewer_id, reviewed_at)
select d.enrollment_id, d.learner_id, d.curriculum_id, d.item_id,
       'https://github.com/learner' || e.g || '/task-' || d.item_id, 'Done, see the README.',
       case when d.done_at > p.t0 - interval '14 days' then 'SUBMITTED'
            when d.item_id % 5 = 0 then 'CHANGES_REQUESTED' else 'ACCEPTED' end,
       d.done_at,
       case when d.done_at > p.t0 - interval '14 days' then null
            when d.item_id % 5 = 0 then 'Please add tests.' else 'Well done.' end,
       case when d.done_at > p.t0 - interval '14 days' then null else m.mentor_id end,
       case when d.done_at > p.t0 - interval '14 days' then null else least(p.t0, d.done_at + interval '2 days') end
from done d
join enrolled e on e.enrollment_id = d.enrollment_id
join learners l on l.learner_id = d.learner_id
join (select cohort_id, min(mentor_id) as mentor_id from cohort_mentor group by cohort_id) m on m.cohort_id = l.cohort_id
cross join params p
where d.kind = 'TASK' and e.slug = 'django-24-week-syllabus' and (d.item_id + e.g) % 4 = 0;

analyze app_user, cohort, cohort_mentor, cohort_learner, enrollment, check_off, week_completion,
        progress_event, evidence;

select (select count(*) from app_user where role = 'LEARNER') as learners,
       (select count(*) from app_user where role = 'MENTOR') as mentors,
       (select count(*) from cohort) as cohorts,
       (select count(*) from enrollment) as enrollments,
       (select count(*) from check_off) as check_offs,
       (select count(*) from week_completion) as week_completions,
       (select count(*) from progress_event) as events,
       (select count(*) from evidence) as evidence,
       (select count(*) from (select e.id from week_completion wc join enrollment e on e.id = wc.enrollment_id
         join curricula c on c.id = e.curriculum_id group by e.id, c.weeks having count(*) = c.weeks) f) as finished;
