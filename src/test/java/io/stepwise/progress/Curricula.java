package io.stepwise.progress;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.MonthSpan;

/**
 * Small curricula built by hand for domain tests, so each test reads the weeks and items
 * it is about instead of depending on the bundled documents.
 */
final class Curricula {

	static final long PHASE_ID = 1;

	/** When the items of hand-built weeks were created. */
	static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

	private Curricula() {
	}

	static CurriculumTree of(WeekView... weeks) {
		return new CurriculumTree(1, "test", "Test", "", List.of(), weeks.length,
				List.of(new PhaseView(PHASE_ID, 1, "Phase", "", MonthSpan.of(1), List.of(weeks))), List.of(),
				List.of());
	}

	static WeekView week(long id, int number, List<SkillView> skills, List<TaskView> tasks) {
		return new WeekView(id, number, "", PHASE_ID, List.of(), skills, List.of(), tasks, CREATED);
	}

	static List<SkillView> skills(long... ids) {
		return Arrays.stream(ids).mapToObj((id) -> new SkillView(id, "Skill " + id, "", List.of(), CREATED)).toList();
	}

	static List<TaskView> tasks(long... ids) {
		return Arrays.stream(ids).mapToObj((id) -> new TaskView(id, (int) (id % 10), "Task " + id, CREATED)).toList();
	}

}
