package io.stepwise.cohort;

import java.util.List;

import io.stepwise.account.Member;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.EvidenceView;

/** Evidence waiting in a mentor's cohorts, oldest first. */
record ReviewQueue(List<Entry> entries) {

	/**
	 * @param week the week of the task, or null when the task has since left the
	 * curriculum
	 * @param taskText the task, or empty
	 */
	record Entry(EvidenceView evidence, Member learner, long cohortId, String cohortName, WeekView week,
			String taskText) {
	}

}
