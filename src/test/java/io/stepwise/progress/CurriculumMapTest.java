package io.stepwise.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.progress.CurriculumMap.State;
import io.stepwise.progress.CurriculumMap.Stop;
import io.stepwise.progress.Drawing.Node;
import io.stepwise.progress.Drawing.Section;

import static org.assertj.core.api.Assertions.assertThat;

class CurriculumMapTest {

	private static final LocalDate START = LocalDate.of(2026, 3, 2);

	private static final String LONG_TITLE = "Real-Time Features, Deployment and Everything Around Them";

	/**
	 * Weeks 1-3 in a short phase, 4-12 in a long one; weeks 3 and 12 carry project tasks.
	 */
	private final CurriculumTree curriculum = curriculum();

	@Test
	void learnerSeesFinishedCurrentAndLockedWeeksAndTodaysPlan() {
		// Three weeks in, at a week per week: the plan is at week 4, the learner on 3.
		CurriculumMap map = map(2, START.plusWeeks(3));
		assertThat(map.withStates()).isTrue();
		assertThat(map.stops()).extracting(Stop::state)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 12)
				.mapToObj((n) -> (n <= 2) ? State.FINISHED : (n == 3) ? State.CURRENT : State.LOCKED)
				.toList());
		assertThat(map.stops()).filteredOn(Stop::planned).extracting(Stop::number).containsExactly(4);
		assertThat(map.stops()).filteredOn(Stop::project).extracting(Stop::number).containsExactly(3, 12);
		assertThat(map.finishedWeeks()).isEqualTo(2);
		assertThat(map.currentWeek()).isEqualTo(3);
		assertThat(map.plannedWeek()).isEqualTo(4);
		assertThat(map.states()).containsExactly(State.FINISHED, State.CURRENT, State.LOCKED);
		assertThat(map.stops().get(2).notes()).containsExactly("map.state.current", "map.project");
		assertThat(map.stops().get(3).notes()).containsExactly("map.state.locked", "map.planned");
		assertThat(map.stops().get(0).href()).isEqualTo("/curricula/test/weeks/1");
		assertThat(map.stretches()).extracting((stretch) -> stretch.stops().size()).containsExactly(3, 9);
	}

	@Test
	void visitorsSeeTheRoadWithoutStatesOrPlan() {
		CurriculumMap map = CurriculumMap.of(this.curriculum);
		assertThat(map.withStates()).isFalse();
		assertThat(map.stops()).extracting(Stop::state).containsOnly(State.NONE);
		assertThat(map.states()).isEmpty();
		assertThat(map.plannedWeek()).isZero();
		assertThat(map.currentWeek()).isZero();
		assertThat(map.projectWeeks()).isEqualTo(2);
		assertThat(map.stops().get(0).notes()).isEmpty();
		assertThat(map.stops().get(2).notes()).containsExactly("map.project");
	}

	@Test
	void noPlanBeforeTheStartNorAfterTheLastWeek() {
		assertThat(map(0, START.minusDays(1)).plannedWeek()).isZero();
		CurriculumMap finished = map(12, START.plusWeeks(5));
		assertThat(finished.plannedWeek()).isZero();
		assertThat(finished.currentWeek()).isZero();
		assertThat(finished.states()).containsExactly(State.FINISHED);
	}

	@Test
	void wideDrawingPutsEachPhaseOnItsOwnStretchLabelledOnTheLeft() {
		Drawing drawing = CurriculumMap.of(this.curriculum).wide();
		assertThat(drawing.sections()).hasSize(2);
		Section first = drawing.sections().get(0);
		assertThat(first.label().x()).isEqualTo(8);
		assertThat(first.label().monthsY()).isGreaterThan(first.label().y());
		assertThat(first.nodes()).extracting(Node::x).containsExactly(362, 418, 474);
		assertThat(first.nodes()).extracting(Node::y).containsOnly(first.nodes().get(0).y());
		assertThat(first.roads()).singleElement()
			.satisfies((road) -> assertThat(List.of(road.x1(), road.x2())).containsExactly(362, 474));
		// Nine weeks do not fit one line of seven: the last two start a second one.
		Section second = drawing.sections().get(1);
		assertThat(second.label().text()).endsWith("\u2026").hasSizeLessThanOrEqualTo(38);
		List<Node> nodes = second.nodes();
		assertThat(nodes.get(7).x()).isEqualTo(nodes.get(0).x());
		assertThat(nodes.get(7).y()).isGreaterThan(nodes.get(6).y());
		assertThat(nodes.get(0).y()).isGreaterThan(first.nodes().get(0).textY());
		assertThat(second.roads()).hasSize(2);
		assertThat(drawing.nodes()).extracting((node) -> node.stop().number())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
		assertInside(drawing, MapLayout.WIDE);
	}

	@Test
	void narrowDrawingFitsAPhoneWithLabelsAboveTheWeeks() {
		Drawing drawing = CurriculumMap.of(this.curriculum).narrow();
		assertThat(drawing.width()).isEqualTo(340);
		for (Section section : drawing.sections()) {
			assertThat(section.label().monthsY()).isZero();
			assertThat(section.label().y()).isLessThan(section.nodes().get(0).y() - MapLayout.NARROW.radius() - 8);
		}
		assertThat(drawing.sections().get(1).nodes().stream().map(Node::y).distinct()).hasSize(2);
		assertInside(drawing, MapLayout.NARROW);
	}

	@Test
	void miniDrawingHasNodesOnlyFarEnoughApartToTapEach() {
		Drawing drawing = CurriculumMap.of(this.curriculum).mini();
		assertThat(drawing.sections()).allSatisfy((section) -> assertThat(section.label()).isNull());
		assertThat(drawing.nodes()).extracting(Node::textY).containsOnly(0);
		assertThat(drawing.nodes().get(0).transform()).isEqualTo("translate(17 28) scale(0.9)");
		// Three weeks and nine do not fit one line of the small map together.
		assertThat(drawing.sections().get(1).nodes().get(0).y()).isGreaterThan(drawing.nodes().get(0).y());
		// A node's focus ring (radius 14 at scale) is its target: 24 px at least, apart.
		assertThat(MapLayout.MINI.pitch()).isGreaterThanOrEqualTo(24);
		assertThat(2 * 14 * MapLayout.MINI.radius() / MapLayout.UNIT).isGreaterThanOrEqualTo(24);
		assertInside(drawing, MapLayout.MINI);
	}

	@Test
	void miniDrawingPutsShortPhasesSideBySideWhileTheyFit() {
		Drawing drawing = CurriculumMap.of(curriculum(2, 3, 4, 4)).mini();
		List<Section> sections = drawing.sections();
		int firstLine = sections.get(0).nodes().get(0).y();
		assertThat(sections.get(1).nodes()).extracting(Node::y).containsOnly(firstLine);
		assertThat(sections.get(2).nodes()).extracting(Node::y).containsOnly(firstLine);
		// A gap wider than the pitch tells one phase from the next.
		assertThat(sections.get(1).nodes().get(0).x() - sections.get(0).nodes().get(1).x())
			.isGreaterThan(MapLayout.MINI.pitch());
		assertThat(sections.get(3).nodes()).extracting(Node::y).containsOnly(firstLine + 41);
		assertThat(sections.get(3).nodes().get(0).x()).isEqualTo(17);
		assertThat(drawing.width()).isLessThanOrEqualTo(320);
		assertInside(drawing, MapLayout.MINI);
	}

	@Test
	void longTitlesAreCutAfterAWord() {
		assertThat(MapLayout.shorten("Foundations", 38)).isEqualTo("Foundations");
		assertThat(MapLayout.shorten(LONG_TITLE, 38)).isEqualTo("Real-Time Features, Deployment and\u2026");
		assertThat(MapLayout.shorten("Supercalifragilisticexpialidocious", 10)).isEqualTo("Supercali\u2026");
	}

	/** Every node with its markers lies within the drawing. */
	private static void assertInside(Drawing drawing, MapLayout layout) {
		int above = (int) Math.ceil(MapLayout.ABOVE * layout.radius() / (double) MapLayout.UNIT);
		int right = (int) Math.ceil(MapLayout.RIGHT * layout.radius() / (double) MapLayout.UNIT);
		assertThat(drawing.nodes()).allSatisfy((node) -> {
			assertThat(node.x() - layout.radius()).isPositive();
			assertThat(node.x() + right).isLessThanOrEqualTo(drawing.width());
			assertThat(node.y() - above).isPositive();
			assertThat(Math.max(node.y() + layout.radius(), node.textY())).isLessThanOrEqualTo(drawing.height());
		});
	}

	/**
	 * The map for a learner who started on {@link #START} and has finished the first
	 * weeks, as the gate leaves it: the next week current, the rest locked.
	 */
	private CurriculumMap map(int finishedWeeks, LocalDate today) {
		List<WeekView> weeks = this.curriculum.weeks();
		WeekView current = (finishedWeeks < weeks.size()) ? weeks.get(finishedWeeks) : null;
		Function<WeekView, WeekProgress> progress = (week) -> {
			WeekProgress.Status status = (week.number() <= finishedWeeks) ? WeekProgress.Status.FINISHED
					: (week == current) ? WeekProgress.Status.OPEN : WeekProgress.Status.LOCKED;
			return new WeekProgress(week.id(), week.number(), status, 0, 1, null,
					(status == WeekProgress.Status.LOCKED) ? current.number() : 0);
		};
		Pace pace = Pace.of(START, today, 12, weeks.size(), (current != null) ? current.number() : 0);
		return CurriculumMap.of(this.curriculum, progress, current, pace);
	}

	private static CurriculumTree curriculum() {
		List<WeekView> first = IntStream.rangeClosed(1, 3).mapToObj((n) -> week(1, n)).toList();
		List<WeekView> second = IntStream.rangeClosed(4, 12).mapToObj((n) -> week(2, n)).toList();
		return new CurriculumTree(1, "test", "Test", "", List.of(), 12,
				List.of(new PhaseView(1, 1, "Foundations", "", MonthSpan.of(1), first),
						new PhaseView(2, 2, LONG_TITLE, "", new MonthSpan(2, 3), second)),
				List.of(), List.of());
	}

	/** Phases of the given sizes, one month each. */
	private static CurriculumTree curriculum(int... sizes) {
		List<PhaseView> phases = new ArrayList<>();
		int number = 1;
		for (int p = 0; p < sizes.length; p++) {
			int from = number;
			long phaseId = p + 1;
			phases.add(new PhaseView(phaseId, p + 1, "Phase " + phaseId, "", MonthSpan.of(p + 1),
					IntStream.range(from, from + sizes[p]).mapToObj((n) -> week(phaseId, n)).toList()));
			number += sizes[p];
		}
		return new CurriculumTree(1, "test", "Test", "", List.of(), number - 1, phases, List.of(), List.of());
	}

	private static WeekView week(long phaseId, int number) {
		boolean project = number == 3 || number == 12;
		return new WeekView(number * 10L, number, "Week title " + number, phaseId, List.of(),
				Curricula.skills(number * 100L + 1), List.of(),
				project ? Curricula.tasks(number * 100L + 11) : List.of(), Curricula.CREATED);
	}

}
