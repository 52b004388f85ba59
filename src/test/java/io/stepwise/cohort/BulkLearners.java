package io.stepwise.cohort;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many learners in a cohort at once, written straight to the tables: signing up hundreds
 * through Argon2 would take minutes. Each is enrolled with the cohort's start date and
 * has the first tasks of the curriculum checked off.
 */
final class BulkLearners {

	private BulkLearners() {
	}

	static List<Long> add(CohortFixtures fixture, Cohort cohort, int count) {
		return add(fixture.jdbc(), cohort, count);
	}

	static List<Long> add(JdbcTemplate jdbc, Cohort cohort, int count) {
		Timestamp now = Timestamp.from(Instant.now());
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<Long> tasks = jdbc.queryForList("""
				select i.id from curriculum_item i join week w on w.id = i.week_id
				where w.curriculum_id = ? and i.kind = 'TASK' and w.number = 1 and i.archived_at is null
				order by i.position""", Long.class, cohort.getCurriculumId());
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = "bulk-" + batch + "-" + i;
			jdbc.update("""
					insert into app_user (username, email, display_name, password_hash, role, created_at,
					                      password_changed_at)
					values (?, ?, ?, 'not-a-hash', 'LEARNER', ?, ?)""", name, name + "@example.org", "Bulk " + name,
					now, now);
			long learner = jdbc.queryForObject("select id from app_user where username = ?", Long.class, name);
			jdbc.update("insert into cohort_learner (cohort_id, learner_id, joined_at) values (?, ?, ?)",
					cohort.getId(), learner, now);
			jdbc.update("""
					insert into enrollment (learner_id, curriculum_id, start_date, enrolled_at) values (?, ?, ?, ?)""",
					learner, cohort.getCurriculumId(), cohort.getStartDate(), now);
			long enrollment = jdbc.queryForObject("select id from enrollment where learner_id = ?", Long.class,
					learner);
			jdbc.update("""
					insert into progress_event (enrollment_id, learner_id, type, occurred_at)
					values (?, ?, 'ENROLLED', ?)""", enrollment, learner, now);
			for (int t = 0; t < Math.min(i % 3, tasks.size()); t++) {
				jdbc.update("insert into check_off (enrollment_id, item_id, done_at) values (?, ?, ?)", enrollment,
						tasks.get(t), now);
				jdbc.update("""
						insert into progress_event (enrollment_id, learner_id, type, item_id, occurred_at)
						values (?, ?, 'CHECKED', ?, ?)""", enrollment, learner, tasks.get(t), now);
			}
			ids.add(learner);
		}
		return ids;
	}

}
