package io.stepwise.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.demo.DemoCast.Learner;

/**
 * A learner's past on the curriculum as check-offs at moments before today: the weeks in
 * order, so the gate lets each one through; each week's tasks in their order with some of
 * its skills in between; a few items per sitting, on different days, around the time of
 * day the learner likes; the last sitting {@link Learner#quietDays()} days ago, so
 * nothing lands in the future.
 */
final class DemoHistory {

	/** The hours learners like to sit down at: before work, at lunch, in the evening. */
	private static final int[] HOURS = { 7, 12, 18, 20 };

	/** A sitting ends before this, so that it never runs into the next day. */
	private static final LocalTime LATEST = LocalTime.of(23, 0);

	private DemoHistory() {
	}

	/**
	 * @param today today in the learner's zone
	 * @param random seeded, so that a start always replays the same history
	 */
	static Plan plan(Learner learner, CurriculumTree curriculum, LocalDate cohortStart, LocalDate today,
			Random random) {
		ZoneId zone = learner.person().zoneId();
		LocalDate enrolledOn = (learner.joinedDaysAgo() > 0) ? today.minusDays(learner.joinedDaysAgo())
				: cohortStart.plusDays(random.nextInt(3));
		Instant enrolledAt = enrolledOn.atTime(8 + random.nextInt(11), random.nextInt(60)).atZone(zone).toInstant();
		List<Long> items = items(learner, curriculum, random);
		if (items.isEmpty()) {
			return new Plan(enrolledAt, List.of());
		}
		LocalDate lastDay = today.minusDays(learner.quietDays());
		if (learner.quietDays() < 1 || !lastDay.isAfter(enrolledOn)) {
			throw new IllegalStateException("The demo learner '" + learner.username()
					+ "' would check items off before enrolling or today: " + learner);
		}
		int span = (int) ChronoUnit.DAYS.between(enrolledOn, lastDay);
		int perSitting = 2 + random.nextInt(3);
		int sittings = Math.max(1,
				Math.min(Math.min(span, items.size()), Math.round((float) items.size() / perSitting)));
		List<Integer> days = lastOfDistinct(sittings, span, random);
		List<Integer> cuts = lastOfDistinct(sittings, items.size(), random);
		int hour = HOURS[random.nextInt(HOURS.length)];
		List<Step> steps = new ArrayList<>(items.size());
		int from = 0;
		for (int sitting = 0; sitting < sittings; sitting++) {
			List<Long> batch = items.subList(from, cuts.get(sitting));
			from = cuts.get(sitting);
			int[] gaps = new int[batch.size()];
			int total = 0;
			for (int i = 1; i < gaps.length; i++) {
				gaps[i] = 3 + random.nextInt(30);
				total += gaps[i];
			}
			LocalTime start = LocalTime.of(Math.max(6, hour - 1 + random.nextInt(3)), random.nextInt(60));
			LocalTime latestStart = LATEST.minusMinutes(total);
			LocalDateTime at = enrolledOn.plusDays(days.get(sitting))
				.atTime(start.isAfter(latestStart) ? latestStart : start);
			for (int i = 0; i < batch.size(); i++) {
				at = at.plusMinutes(gaps[i]);
				steps.add(new Step(batch.get(i), at.atZone(zone).toInstant()));
			}
		}
		return new Plan(enrolledAt, List.copyOf(steps));
	}

	/**
	 * The items the learner checks, in order: every week they finished, then part of the
	 * next one when they have started it.
	 */
	private static List<Long> items(Learner learner, CurriculumTree curriculum, Random random) {
		double diligence = 0.25 + 0.6 * random.nextDouble();
		List<WeekView> weeks = curriculum.weeks();
		int finished = Math.min(learner.weeksFinished(), weeks.size());
		List<Long> items = new ArrayList<>();
		for (WeekView week : weeks.subList(0, finished)) {
			items.addAll(weekItems(week, diligence, true, random));
		}
		if (finished > 0 && finished < weeks.size() && random.nextInt(10) < 6) {
			items.addAll(weekItems(weeks.get(finished), diligence, false, random));
		}
		return items;
	}

	private static List<Long> weekItems(WeekView week, double diligence, boolean finish, Random random) {
		// A week without tasks waits for its skills instead.
		boolean skillsRequired = week.tasks().isEmpty();
		List<Long> skills = new ArrayList<>();
		for (SkillView skill : week.skills()) {
			if ((finish && skillsRequired) || random.nextDouble() < diligence) {
				skills.add(skill.id());
			}
		}
		List<Long> tasks = week.tasks()
			.stream()
			.sorted(Comparator.comparingInt(TaskView::position))
			.map(TaskView::id)
			.toList();
		if (!finish) {
			// Started, so never all of what the week needs.
			tasks = tasks.isEmpty() ? tasks : tasks.subList(0, random.nextInt(tasks.size()));
			if (skillsRequired && !skills.isEmpty() && skills.size() == week.skills().size()) {
				skills.remove(skills.size() - 1);
			}
		}
		List<Boolean> isTask = new ArrayList<>();
		skills.forEach((skill) -> isTask.add(false));
		tasks.forEach((task) -> isTask.add(true));
		Collections.shuffle(isTask, random);
		Iterator<Long> nextSkill = skills.iterator();
		Iterator<Long> nextTask = tasks.iterator();
		return isTask.stream().map((task) -> task ? nextTask.next() : nextSkill.next()).toList();
	}

	/**
	 * {@code count} distinct numbers from 1 to {@code last}, sorted, the last of them
	 * always {@code last}.
	 */
	private static List<Integer> lastOfDistinct(int count, int last, Random random) {
		List<Integer> candidates = new ArrayList<>();
		for (int n = 1; n < last; n++) {
			candidates.add(n);
		}
		Collections.shuffle(candidates, random);
		List<Integer> chosen = new ArrayList<>(candidates.subList(0, count - 1));
		chosen.add(last);
		Collections.sort(chosen);
		return chosen;
	}

	/** When the learner enrolled, and what they checked off when, in order. */
	record Plan(Instant enrolledAt, List<Step> steps) {

		/** When the item was checked off, or null when it was not. */
		Instant checkedAt(long itemId) {
			return this.steps.stream().filter((step) -> step.itemId() == itemId).map(Step::at).findFirst().orElse(null);
		}

		/** The last check-off, or the enrollment when there was none. */
		Instant lastActivity() {
			return this.steps.isEmpty() ? this.enrolledAt : this.steps.get(this.steps.size() - 1).at();
		}

	}

	record Step(long itemId, Instant at) {
	}

}
