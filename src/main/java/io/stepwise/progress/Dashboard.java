package io.stepwise.progress;

import java.util.List;

/** Everything the learner's dashboard shows. */
public record Dashboard(List<CurriculumProgress> curricula, Activity activity) {
}
