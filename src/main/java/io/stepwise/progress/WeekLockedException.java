package io.stepwise.progress;

import java.util.Map;

import io.stepwise.system.ConflictException;

/**
 * A write to a week that an unfinished earlier week keeps locked. Nothing was written.
 */
class WeekLockedException extends ConflictException {

	private final int week;

	private final int unfinishedWeek;

	WeekLockedException(int week, int unfinishedWeek) {
		super("Week locked", "Week " + week + " is locked. Finish week " + unfinishedWeek + " first.");
		this.week = week;
		this.unfinishedWeek = unfinishedWeek;
	}

	int week() {
		return this.week;
	}

	int unfinishedWeek() {
		return this.unfinishedWeek;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("week", this.week, "unfinishedWeek", this.unfinishedWeek);
	}

}
