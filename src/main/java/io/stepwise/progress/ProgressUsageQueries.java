package io.stepwise.progress;

import io.stepwise.curriculum.ProgressUsage;

import org.springframework.stereotype.Component;

/**
 * Tells the curriculum editor whose progress a removal touches; an enrollment is one
 * learner on one curriculum, so enrollments are counted.
 */
@Component
class ProgressUsageQueries implements ProgressUsage {

	private final CheckOffRepository checkOffs;

	private final WeekCompletionRepository completions;

	ProgressUsageQueries(CheckOffRepository checkOffs, WeekCompletionRepository completions) {
		this.checkOffs = checkOffs;
		this.completions = completions;
	}

	@Override
	public long learnersWithItem(long itemId) {
		return this.checkOffs.countEnrollmentsWithItem(itemId);
	}

	@Override
	public long learnersWithWeek(long weekId) {
		return this.completions.countEnrollmentsWithWeek(weekId);
	}

}
