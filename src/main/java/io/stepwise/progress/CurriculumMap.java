package io.stepwise.progress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.curriculum.MonthSpan;

/**
 * A curriculum as a road of weeks, phase by phase, with the learner's state on every week
 * when there is a learner. Pages draw it in one of the {@link MapLayout layouts}.
 */
public final class CurriculumMap {

	private final String title;

	private final List<Stretch> stretches;

	private final boolean withStates;

	private CurriculumMap(String title, List<Stretch> stretches, boolean withStates) {
		this.title = title;
		this.stretches = stretches;
		this.withStates = withStates;
	}

	/** The road ahead, as a visitor sees it: no states, no plan. */
	public static CurriculumMap of(CurriculumTree curriculum) {
		return new CurriculumMap(curriculum.title(), stretches(curriculum, (week) -> State.NONE, 0), false);
	}

	public static CurriculumMap of(CurriculumProgress progress) {
		return of(progress.curriculum(), (week) -> progress.week(week.id()), progress.currentWeek(), progress.pace());
	}

	/**
	 * @param weeks the learner's progress in each week
	 * @param current the learner's current week, or null when every week is finished
	 */
	static CurriculumMap of(CurriculumTree curriculum, Function<WeekView, WeekProgress> weeks, WeekView current,
			Pace pace) {
		return new CurriculumMap(curriculum.title(),
				stretches(curriculum, (week) -> stateOf(weeks.apply(week), week, current), plannedWeek(pace)), true);
	}

	private static State stateOf(WeekProgress progress, WeekView week, WeekView current) {
		if (progress.isFinished()) {
			return State.FINISHED;
		}
		if (current != null && current.id() == week.id()) {
			return State.CURRENT;
		}
		return progress.isLocked() ? State.LOCKED : State.OPEN;
	}

	/**
	 * The week the plan puts the learner on today; none before the start or after the
	 * end.
	 */
	private static int plannedWeek(Pace pace) {
		return switch (pace.status()) {
			case ON_TRACK, BEHIND, AHEAD -> pace.expectedWeek();
			case NOT_STARTED, FINISHED -> 0;
		};
	}

	private static List<Stretch> stretches(CurriculumTree curriculum, StateOf states, int plannedWeek) {
		List<Stretch> stretches = new ArrayList<>();
		for (PhaseView phase : curriculum.phases()) {
			List<Stop> stops = phase.weeks()
				.stream()
				.map((week) -> new Stop(week.number(), week.title(),
						"/curricula/" + curriculum.slug() + "/weeks/" + week.number(), states.of(week),
						!week.tasks().isEmpty(), week.number() == plannedWeek))
				.toList();
			stretches.add(new Stretch(phase.title(), phase.months(), stops));
		}
		return List.copyOf(stretches);
	}

	public String title() {
		return this.title;
	}

	public List<Stretch> stretches() {
		return this.stretches;
	}

	/** Whether the map shows a learner's states, or only the road. */
	public boolean withStates() {
		return this.withStates;
	}

	public List<Stop> stops() {
		return this.stretches.stream().flatMap((stretch) -> stretch.stops().stream()).toList();
	}

	public int weekCount() {
		return stops().size();
	}

	public int finishedWeeks() {
		return (int) stops().stream().filter((stop) -> stop.state() == State.FINISHED).count();
	}

	public int projectWeeks() {
		return (int) stops().stream().filter(Stop::project).count();
	}

	/** The learner's current week, or 0 when there is none. */
	public int currentWeek() {
		return stops().stream()
			.filter((stop) -> stop.state() == State.CURRENT)
			.mapToInt(Stop::number)
			.findFirst()
			.orElse(0);
	}

	/**
	 * The week today's plan puts the learner on, or 0 when there is no plan for today.
	 */
	public int plannedWeek() {
		return stops().stream().filter(Stop::planned).mapToInt(Stop::number).findFirst().orElse(0);
	}

	/** The states the map shows, in the order a legend lists them. */
	public Set<State> states() {
		Set<State> states = EnumSet.noneOf(State.class);
		stops().forEach((stop) -> states.add(stop.state()));
		states.remove(State.NONE);
		return states;
	}

	/**
	 * The map as wide screens show it: a stretch of road per phase, labelled on its left.
	 */
	public Drawing wide() {
		return MapLayout.WIDE.draw(this.stretches);
	}

	/** The map as phones show it: each phase's label above its stretch. */
	public Drawing narrow() {
		return MapLayout.NARROW.draw(this.stretches);
	}

	/** A small map of nodes only, for the dashboard. */
	public Drawing mini() {
		return MapLayout.MINI.draw(this.stretches);
	}

	public enum State {

		FINISHED("map.state.finished"), CURRENT("map.state.current"), OPEN("map.state.open"),
		LOCKED("map.state.locked"), NONE(null);

		private final String note;

		State(String note) {
			this.note = note;
		}

		/** The CSS class and the key of the state's legend entry. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A phase of the curriculum as a stretch of the road. */
	public record Stretch(String title, MonthSpan months, List<Stop> stops) {
	}

	/**
	 * A week on the map.
	 *
	 * @param title empty when the week has none
	 * @param href the week's page, relative to the application
	 * @param project whether the week carries project tasks
	 * @param planned whether today's plan puts the learner on this week
	 */
	public record Stop(int number, String title, String href, State state, boolean project, boolean planned) {

		public boolean hasTitle() {
			return !this.title.isEmpty();
		}

		/** Message keys of what is to say about the week beyond its name, in order. */
		public List<String> notes() {
			List<String> notes = new ArrayList<>();
			if (this.state.note != null) {
				notes.add(this.state.note);
			}
			if (this.project) {
				notes.add("map.project");
			}
			if (this.planned) {
				notes.add("map.planned");
			}
			return notes;
		}

	}

	@FunctionalInterface
	private interface StateOf {

		State of(WeekView week);

	}

}
