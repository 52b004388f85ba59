package io.stepwise.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stepwise.curriculum.CurriculumTree;

import org.springframework.stereotype.Component;

/**
 * Builds {@link LearnerProgress} for many enrollments at once: the learner's own pages
 * and a mentor's cohort view read it the same way, so both apply the same rules.
 */
@Component
class ProgressLoader {

	private final CheckOffRepository checkOffs;

	private final WeekCompletionRepository completions;

	ProgressLoader(CheckOffRepository checkOffs, WeekCompletionRepository completions) {
		this.checkOffs = checkOffs;
		this.completions = completions;
	}

	/**
	 * The progress of each enrollment, in order, from two statements whatever their
	 * number.
	 */
	List<LearnerProgress> load(List<Enrollment> enrolled, Collection<CurriculumTree> trees) {
		Map<Long, CurriculumTree> byId = trees.stream()
			.collect(Collectors.toMap(CurriculumTree::id, Function.identity()));
		List<Long> ids = enrolled.stream().map(Enrollment::getId).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<Long, Instant>> done = this.checkOffs.findByEnrollmentIds(ids)
			.stream()
			.collect(Collectors.groupingBy(CheckOff::getEnrollmentId,
					Collectors.toMap(CheckOff::getItemId, CheckOff::getDoneAt)));
		Map<Long, Map<Long, Instant>> finished = this.completions.findByEnrollmentIds(ids)
			.stream()
			.collect(Collectors.groupingBy(WeekCompletion::getEnrollmentId,
					Collectors.toMap(WeekCompletion::getWeekId, WeekCompletion::getFinishedAt)));
		return enrolled.stream()
			.map((enrollment) -> new LearnerProgress(byId.get(enrollment.getCurriculumId()),
					done.getOrDefault(enrollment.getId(), Map.of()),
					finished.getOrDefault(enrollment.getId(), Map.of())))
			.toList();
	}

}
