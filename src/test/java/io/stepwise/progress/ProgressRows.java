package io.stepwise.progress;

import java.util.List;

import io.stepwise.account.AccountUser;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what progress writes, straight from the tables and always scoped to one
 * enrollment, so a test sees its own learner's rows and nothing of the tests running
 * beside it.
 */
final class ProgressRows {

	private final JdbcTemplate jdbc;

	ProgressRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The learner's enrollment id, or null when not enrolled. */
	Long enrollment(AccountUser learner, String slug) {
		List<Long> ids = this.jdbc.queryForList("""
				select e.id from enrollment e join curriculum c on c.id = e.curriculum_id
				where e.learner_id = ? and c.slug = ?""", Long.class, learner.id(), slug);
		return ids.isEmpty() ? null : ids.get(0);
	}

	int enrollments(AccountUser learner) {
		return count("select count(*) from enrollment where learner_id = ?", learner.id());
	}

	int checkOffs(long enrollmentId) {
		return count("select count(*) from check_off where enrollment_id = ?", enrollmentId);
	}

	int checkOffs(long enrollmentId, long itemId) {
		return count("select count(*) from check_off where enrollment_id = ? and item_id = ?", enrollmentId, itemId);
	}

	int completions(long enrollmentId) {
		return count("select count(*) from week_completion where enrollment_id = ?", enrollmentId);
	}

	boolean completed(long enrollmentId, long weekId) {
		return count("select count(*) from week_completion where enrollment_id = ? and week_id = ?", enrollmentId,
				weekId) == 1;
	}

	int events(long enrollmentId) {
		return count("select count(*) from progress_event where enrollment_id = ?", enrollmentId);
	}

	int events(long enrollmentId, String type) {
		return count("select count(*) from progress_event where enrollment_id = ? and type = ?", enrollmentId, type);
	}

	int itemEvents(long enrollmentId, String type, long itemId) {
		return count("select count(*) from progress_event where enrollment_id = ? and type = ? and item_id = ?",
				enrollmentId, type, itemId);
	}

	int weekEvents(long enrollmentId, String type, long weekId) {
		return count("select count(*) from progress_event where enrollment_id = ? and type = ? and week_id = ?",
				enrollmentId, type, weekId);
	}

	/** Everything the enrollment's history holds, in the order it was written. */
	List<Event> history(long enrollmentId) {
		return this.jdbc.query("select type, item_id, week_id from progress_event where enrollment_id = ? order by id",
				(rs, row) -> new Event(rs.getString("type"), (Long) rs.getObject("item_id", Long.class),
						(Long) rs.getObject("week_id", Long.class)),
				enrollmentId);
	}

	/**
	 * All rows the enrollment owns, to show that a refused write changed none of them.
	 */
	Snapshot snapshot(long enrollmentId) {
		return new Snapshot(
				this.jdbc.queryForList("select item_id from check_off where enrollment_id = ? order by item_id",
						Long.class, enrollmentId),
				this.jdbc.queryForList("select week_id from week_completion where enrollment_id = ? order by week_id",
						Long.class, enrollmentId),
				events(enrollmentId));
	}

	private int count(String sql, Object... args) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, args);
		return (count != null) ? count : 0;
	}

	record Event(String type, Long itemId, Long weekId) {
	}

	record Snapshot(List<Long> checkedItems, List<Long> finishedWeeks, int events) {
	}

}
