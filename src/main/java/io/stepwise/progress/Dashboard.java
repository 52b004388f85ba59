package io.stepwise.progress;

import java.util.List;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

/**
 * Everything the learner's dashboard shows.
 *
 * @param feedback the latest reviews of the learner's evidence, newest first
 */
public record Dashboard(List<CurriculumProgress> curricula, Activity activity, List<Feedback> feedback) {

	public CurriculumMap mapOf(CurriculumProgress progress) {
		return CurriculumMap.of(progress);
	}

	/** A review of evidence, with the task it is about. */
	public record Feedback(CurriculumTree curriculum, WeekView week, TaskView task, EvidenceView evidence) {
	}

}
