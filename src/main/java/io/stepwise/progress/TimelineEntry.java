package io.stepwise.progress;

import java.time.ZonedDateTime;

/**
 * One thing that happened to a learner's progress, for a mentor's timeline.
 *
 * @param weekNumber the week it concerns, or 0
 * @param itemText the item it concerns, or null (also for an item since archived)
 */
public record TimelineEntry(ZonedDateTime at, Kind kind, int weekNumber, String itemText) {

	public enum Kind {

		ENROLLED, CHECKED, UNCHECKED, WEEK_FINISHED, WEEK_REOPENED, RESET

	}

}
