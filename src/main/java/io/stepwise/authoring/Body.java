package io.stepwise.authoring;

import java.util.List;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumShape;

/** What a shape reader makes of the parts of an {@link Outline}. */
record Body(List<PhaseDraft> phases, List<SectionDraft> sections, int plannedWeeks, CurriculumShape shape) {
}
