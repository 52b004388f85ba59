package io.stepwise.progress;

import io.stepwise.account.AccountUser;
import io.stepwise.curriculum.CurriculumPageContributor;
import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Adds the logged-in learner's progress to the curriculum pages: checkboxes, progress
 * bars and locks when enrolled, an enroll form when not; and to the overview a map of the
 * curriculum, with the learner's states when enrolled.
 */
@Component
class ProgressPageContributor implements CurriculumPageContributor {

	private final ProgressService progress;

	private final EvidenceService evidence;

	ProgressPageContributor(ProgressService progress, EvidenceService evidence) {
		this.progress = progress;
		this.evidence = evidence;
	}

	@Override
	public void contributeToOverview(CurriculumTree curriculum, Model model) {
		contribute(curriculum, model);
		Object progress = model.getAttribute("progress");
		model.addAttribute("curriculumMap", (progress instanceof CurriculumProgress learner) ? CurriculumMap.of(learner)
				: CurriculumMap.of(curriculum));
	}

	@Override
	public void contributeToWeek(CurriculumTree curriculum, WeekView week, Model model) {
		contribute(curriculum, model);
		// Read for every week, tasks or not, so a week page costs the same statements.
		if (model.containsAttribute("progress") && SecurityContextHolder.getContext()
			.getAuthentication()
			.getPrincipal() instanceof AccountUser learner) {
			model.addAttribute("evidence", this.evidence.byTask(learner.id(), curriculum.id()));
		}
	}

	private void contribute(CurriculumTree curriculum, Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountUser learner)) {
			return;
		}
		this.progress.progress(learner.id(), curriculum, learner.zone())
			.ifPresentOrElse((state) -> model.addAttribute("progress", state), () -> {
				model.addAttribute("canEnroll", true);
				model.addAttribute("today", this.progress.today(learner.zone()));
			});
	}

}
