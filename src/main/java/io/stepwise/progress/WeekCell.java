package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One learner's state in one week, as a mentor's table shows it; it comes from the same
 * {@link WeekProgress} the learner's own pages show.
 *
 * @param done how many of the items the week needs are done
 * @param required how many items the week needs done
 * @param finishedOn the day the week was finished, in the viewer's zone; null if not
 * @param newItems items added after the learner had finished the week, not done yet
 * @param finishedAt the moment the week was finished, for the API; null if not
 */
public record WeekCell(int number, State state, int done, int required, LocalDate finishedOn, int newItems,
		Instant finishedAt) {

	public enum State {

		FINISHED, IN_PROGRESS, NOT_STARTED, LOCKED;

		/** The name the API and the CSV use: {@code in_progress}. */
		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static WeekCell of(WeekProgress week, int newItems) {
		State state = switch (week.status()) {
			case FINISHED -> State.FINISHED;
			case LOCKED -> State.LOCKED;
			case OPEN -> (week.done() > 0) ? State.IN_PROGRESS : State.NOT_STARTED;
		};
		boolean finished = week.finishedAt() != null;
		return new WeekCell(week.number(), state, week.done(), week.required(),
				finished ? week.finishedAt().toLocalDate() : null, newItems,
				finished ? week.finishedAt().toInstant() : null);
	}

}
