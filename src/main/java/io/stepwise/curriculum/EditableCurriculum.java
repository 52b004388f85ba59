package io.stepwise.curriculum;

import java.time.Instant;

/**
 * A curriculum as the admins' list shows it.
 *
 * @param version moves up with every edit of anything in the curriculum
 */
record EditableCurriculum(String slug, String title, long version, Instant updatedAt, long weeks, long skills,
		long tasks, long resources) {
}
