-- The queries behind the pages and background jobs, with the values a 100k-learner
-- database (bench/scale-data.sh) gives them, for EXPLAIN (ANALYZE, BUFFERS):
--   psql -d stepwise_bench_100000 -f bench/explain.sql
-- docs/database-indexes.md keeps what these showed before and after V14.
\set ON_ERROR_STOP on
select u.id as learner, e.id as enrollment from app_user u join enrollment e on e.learner_id = u.id
 where u.username = 'learner4242' order by e.id limit 1 \gset
select id as cohort from cohort where invite_code = 'bench00000001' \gset
select id as school from cohort where invite_code = 'benchschool' \gset
select id as mentor from app_user where username = 'mentor1' \gset
select id as syllabus from curriculum where slug = 'django-24-week-syllabus' \gset
select w.id as week from week w where w.curriculum_id = :syllabus and w.number = 3 \gset
select min(i.id) as item from curriculum_item i where i.week_id = :week \gset

\echo '== active learners gauge (once a minute)'
explain (analyze, buffers, costs off) select count(distinct learner_id) from progress_event where occurred_at >= now() - interval '7 days';
\echo '== dashboard: check-off times of a learner'
explain (analyze, buffers, costs off) select occurred_at from progress_event where learner_id = :learner and type = 'CHECKED' and occurred_at >= now() - interval '26 weeks' order by occurred_at;
\echo '== dashboard: recently reviewed evidence'
explain (analyze, buffers, costs off) select * from evidence where learner_id = :learner and reviewed_at is not null order by reviewed_at desc, id desc limit 5;
\echo '== learner pages: enrollments, check-offs, completions'
explain (analyze, buffers, costs off) select * from enrollment where learner_id = :learner order by enrolled_at;
explain (analyze, buffers, costs off) select * from enrollment where learner_id = :learner and curriculum_id = :syllabus for update;
explain (analyze, buffers, costs off) select * from check_off where enrollment_id in (:enrollment);
explain (analyze, buffers, costs off) select * from week_completion where enrollment_id in (:enrollment);
\echo '== mentor: learner timeline'
explain (analyze, buffers, costs off) select * from progress_event where enrollment_id = :enrollment order by occurred_at desc, id desc limit 200;
\echo '== mentor cohort page (500 learners) and CSV (10k): members, their enrollments, progress, activity, evidence'
explain (analyze, buffers, costs off) select learner_id from cohort_learner where cohort_id = :cohort order by joined_at, learner_id;
explain (analyze, buffers, costs off) select * from enrollment where curriculum_id = :syllabus and learner_id in (select learner_id from cohort_learner where cohort_id = :cohort);
explain (analyze, buffers, costs off) select c.* from check_off c where c.enrollment_id in (select e.id from enrollment e join cohort_learner l on l.learner_id = e.learner_id where l.cohort_id = :cohort and e.curriculum_id = :syllabus);
explain (analyze, buffers, costs off) select e.enrollment_id, max(e.occurred_at) from progress_event e where e.enrollment_id in (select e.id from enrollment e join cohort_learner l on l.learner_id = e.learner_id where l.cohort_id = :school and e.curriculum_id = :syllabus) group by e.enrollment_id;
explain (analyze, buffers, costs off) select learner_id, count(*) from evidence where curriculum_id = :syllabus and learner_id in (select learner_id from cohort_learner where cohort_id = :cohort) and status = 'SUBMITTED' group by learner_id;
\echo '== mentor: cohorts mentored'
explain (analyze, buffers, costs off) select c.* from cohort c where exists (select 1 from cohort_mentor m where m.cohort_id = c.id and m.mentor_id = :mentor) order by c.name, c.id;
\echo '== admin: learners who finished a week (curriculum editor), who did items'
explain (analyze, buffers, costs off) select count(*) from (select enrollment_id from week_completion where week_id = :week union select enrollment_id from progress_event where week_id = :week) named;
explain (analyze, buffers, costs off) select item_id, count(distinct enrollment_id) from check_off where item_id in (select id from curriculum_item where week_id = :week) group by item_id;
explain (analyze, buffers, costs off) select id from app_user where role = 'ADMIN' and enabled = true for update;
\echo '== sessions: read by id, expired ones deleted by the cleanup job'
explain (analyze, buffers, costs off) select * from spring_session where session_id = '00000000-0000-0000-0000-000000000000';
explain (analyze, buffers, costs off) delete from spring_session where expiry_time < 0;
