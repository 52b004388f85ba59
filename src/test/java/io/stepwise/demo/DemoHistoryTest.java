package io.stepwise.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.demo.DemoCast.Learner;
import io.stepwise.demo.DemoHistory.Plan;
import io.stepwise.demo.DemoHistory.Step;

import static org.assertj.core.api.Assertions.assertThat;

/** The replayed histories, on a hand-built 24-week curriculum. */
class DemoHistoryTest {

	/** Late in the evening, so that a learner in any zone has had a day to work. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-18T22:40:00Z");

	private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

	private final CurriculumTree curriculum = curriculum();

	private final LocalDate start = NOW.toLocalDate().minusWeeks(DemoCast.WEEKS_RUNNING);

	@Test
	void checksTheWeeksInOrderAndFinishesExactlyTheWeeksOfTheCast() {
		for (Learner learner : DemoCast.LEARNERS) {
			Plan plan = plan(learner);
			List<Long> checked = plan.steps().stream().map(Step::itemId).toList();
			assertThat(checked).as(learner.username()).doesNotHaveDuplicates();
			List<Integer> weeks = checked.stream().map(this::weekOf).toList();
			assertThat(weeks).as(learner.username()).isSorted();
			Set<Long> done = Set.copyOf(checked);
			for (WeekView week : this.curriculum.weeks()) {
				List<Long> tasks = week.tasks().stream().map(TaskView::id).toList();
				boolean finished = done.containsAll(tasks);
				assertThat(finished).as("%s week %d", learner.username(), week.number())
					.isEqualTo(week.number() <= learner.weeksFinished());
				// Tasks of a week are done in their order, as a learner works through
				// them.
				List<Long> doneTasks = checked.stream().filter(tasks::contains).toList();
				assertThat(doneTasks).isEqualTo(tasks.subList(0, doneTasks.size()));
			}
		}
	}

	@Test
	void everythingHappensAfterEnrollingAndBeforeNow() {
		for (Learner learner : DemoCast.LEARNERS) {
			Plan plan = plan(learner);
			assertThat(plan.enrolledAt()).as(learner.username()).isBefore(NOW.toInstant());
			assertThat(plan.enrolledAt())
				.isAfterOrEqualTo(this.start.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(1, ChronoUnit.DAYS));
			List<Instant> times = plan.steps().stream().map(Step::at).toList();
			assertThat(times).as(learner.username())
				.isSorted()
				.allMatch((at) -> at.isAfter(plan.enrolledAt()))
				.allMatch((at) -> at.isBefore(NOW.toInstant()));
		}
	}

	@Test
	void theLastCheckOffIsAsManyDaysAgoAsTheCastSays() {
		for (Learner learner : DemoCast.LEARNERS) {
			Plan plan = plan(learner);
			if (learner.weeksFinished() == 0) {
				assertThat(plan.steps()).as(learner.username()).isEmpty();
				continue;
			}
			ZoneId zone = learner.person().zoneId();
			LocalDate last = plan.lastActivity().atZone(zone).toLocalDate();
			assertThat(ChronoUnit.DAYS.between(last, today(learner))).as(learner.username())
				.isEqualTo(learner.quietDays());
		}
	}

	@Test
	void spreadsTheCheckOffsOverDaysAndTimesOfDay() {
		for (Learner learner : DemoCast.LEARNERS) {
			if (learner.weeksFinished() < 2) {
				continue;
			}
			Plan plan = plan(learner);
			ZoneId zone = learner.person().zoneId();
			Set<LocalDate> days = plan.steps()
				.stream()
				.map((step) -> step.at().atZone(zone).toLocalDate())
				.collect(Collectors.toSet());
			Set<Integer> minutes = plan.steps()
				.stream()
				.map((step) -> step.at().atZone(zone).getMinute())
				.collect(Collectors.toSet());
			assertThat(days).as(learner.username()).hasSizeGreaterThanOrEqualTo(3);
			assertThat(minutes).as(learner.username()).hasSizeGreaterThanOrEqualTo(3);
			// A few items a sitting on average, however fast the learner goes.
			assertThat(plan.steps().size() / (double) days.size()).isLessThan(6);
		}
	}

	@Test
	void someSkillsAreCheckedToo() {
		Set<Long> skills = this.curriculum.weeks()
			.stream()
			.flatMap((week) -> week.skills().stream())
			.map(SkillView::id)
			.collect(Collectors.toSet());
		long checkedSkills = DemoCast.LEARNERS.stream()
			.flatMap((learner) -> plan(learner).steps().stream())
			.filter((step) -> skills.contains(step.itemId()))
			.count();
		assertThat(checkedSkills).isPositive();
	}

	@Test
	void theSameSeedReplaysTheSameHistory() {
		Learner learner = DemoCast.LEARNERS.get(0);
		assertThat(plan(learner)).isEqualTo(plan(learner));
	}

	private Plan plan(Learner learner) {
		return DemoHistory.plan(learner, this.curriculum, this.start, today(learner),
				new Random(42 ^ learner.username().hashCode()));
	}

	private static LocalDate today(Learner learner) {
		return NOW.withZoneSameInstant(learner.person().zoneId()).toLocalDate();
	}

	private int weekOf(long itemId) {
		return this.curriculum.weeks()
			.stream()
			.filter((week) -> week.itemIds().contains(itemId))
			.mapToInt(WeekView::number)
			.findFirst()
			.orElseThrow();
	}

	/** 24 weeks of 3 skills and 1 to 3 tasks, with ids that say where they are. */
	private static CurriculumTree curriculum() {
		List<WeekView> weeks = new ArrayList<>();
		for (int number = 1; number <= 24; number++) {
			List<SkillView> skills = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				skills.add(new SkillView(number * 100L + i, "Skill " + number + "." + i, "", List.of(), CREATED));
			}
			List<TaskView> tasks = new ArrayList<>();
			for (int i = 1; i <= 1 + number % 3; i++) {
				tasks.add(new TaskView(number * 100L + 50 + i, i, "Task " + number + "." + i, CREATED));
			}
			weeks.add(new WeekView(number, number, "Week " + number, 1, List.of(), skills, List.of(), tasks, null));
		}
		return new CurriculumTree(1, "test", "Test", "", List.of(), 24,
				List.of(new PhaseView(1, 1, "Phase", "", MonthSpan.of(1), weeks)), List.of(), List.of());
	}

}
