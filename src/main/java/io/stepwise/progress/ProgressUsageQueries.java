package io.stepwise.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.stepwise.curriculum.ProgressUsage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the curriculum module whose progress an edit, a removal or an import touches; an
 * enrollment is one learner on one curriculum, so enrollments are counted.
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
	@Transactional(readOnly = true)
	public Map<Long, Integer> learnersWithItems(Collection<Long> itemIds) {
		Map<Long, Integer> learners = new HashMap<>();
		if (itemIds.isEmpty()) {
			return learners;
		}
		for (Object[] row : this.checkOffs.countLearnersByItem(itemIds)) {
			learners.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
		}
		return learners;
	}

	@Override
	public long learnersWithWeek(long weekId) {
		return this.completions.countEnrollmentsWithWeek(weekId);
	}

}
