package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.ui.Model;

/**
 * Lets other modules add what belongs to the current visitor, such as their progress, to
 * the curriculum pages without this module knowing about them.
 */
public interface CurriculumPageContributor {

	void contributeToOverview(CurriculumTree curriculum, Model model);

	void contributeToWeek(CurriculumTree curriculum, WeekView week, Model model);

}
