package io.stepwise.progress;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.stepwise.curriculum.ProgressUsage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the curriculum module how many learners checked off items it is about to change.
 */
@Component
class CheckOffUsage implements ProgressUsage {

	private final CheckOffRepository checkOffs;

	CheckOffUsage(CheckOffRepository checkOffs) {
		this.checkOffs = checkOffs;
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

}
