package io.stepwise.cohort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.stepwise.progress.CohortStarts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the learner's plans where their cohorts start. */
@Component
class CohortPlanStarts implements CohortStarts {

	private final CohortLearnerRepository learners;

	CohortPlanStarts(CohortLearnerRepository learners) {
		this.learners = learners;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, LocalDate> byCurriculum(long learnerId) {
		Map<Long, LocalDate> starts = new HashMap<>();
		for (Object[] row : this.learners.findStartsByLearnerId(learnerId)) {
			// Ordered by joining, so the cohort joined last stands.
			starts.put(((Number) row[0]).longValue(), (LocalDate) row[1]);
		}
		return starts;
	}

}
