package io.stepwise.authoring;

import java.util.List;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;

/** What a shape reader makes of the parts of an {@link Outline}. */
record Body(List<PhaseDraft> phases, List<SectionDraft> sections, int plannedWeeks) {
}
