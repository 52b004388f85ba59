package io.stepwise.progress;

import java.util.List;

/**
 * One learner's progress on a curriculum as a mentor reads it: the checklist with the
 * time of each check-off, the newest history first, and their evidence.
 *
 * @param progress with pace measured from the cohort's start date
 */
public record LearnerReport(CurriculumProgress progress, List<TimelineEntry> timeline, List<EvidenceView> evidence) {

	public EvidenceView evidenceFor(long itemId) {
		return this.evidence.stream().filter((e) -> e.itemId() == itemId).findFirst().orElse(null);
	}

}
