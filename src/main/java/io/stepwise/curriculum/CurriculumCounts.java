package io.stepwise.curriculum;

import java.util.List;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;

/** How big a curriculum is: what a preview shows, and the audit log keeps. */
public record CurriculumCounts(int phases, int weeks, int skills, int tasks, int resources, int references) {

	public static CurriculumCounts of(CurriculumDraft draft) {
		List<WeekDraft> weeks = draft.phases().stream().map(PhaseDraft::weeks).flatMap(List::stream).toList();
		int resources = weeks.stream().mapToInt((week) -> week.resources().size()).sum()
				+ draft.sections().stream().map(SectionDraft::resources).mapToInt(List::size).sum();
		return new CurriculumCounts(draft.phases().size(), weeks.size(),
				weeks.stream().mapToInt((week) -> week.skills().size()).sum(),
				weeks.stream().mapToInt((week) -> week.tasks().size()).sum(), resources, draft.references().size());
	}

	@Override
	public String toString() {
		return this.phases + " phases, " + this.weeks + " weeks, " + this.skills + " skills, " + this.tasks + " tasks, "
				+ this.resources + " resources, " + this.references + " references";
	}

}
