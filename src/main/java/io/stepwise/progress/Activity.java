package io.stepwise.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A learner's check-offs per day in their own time zone: the streak and the heat map of
 * the last {@value #WEEKS} weeks.
 *
 * @param days one cell per day from the Monday {@value #WEEKS} weeks back to today
 * @param streak consecutive days with a check-off, ending today or, when today has none
 * yet, yesterday
 */
public record Activity(LocalDate today, List<Day> days, int streak, int total, int activeDays, Day busiest) {

	public static final int WEEKS = 26;

	/** How far back check-offs are read: enough for the heat map and a long streak. */
	static final int HISTORY_DAYS = 400;

	/**
	 * @param column weeks from the first column, 0-based
	 * @param row day of the week, Monday 0 to Sunday 6
	 * @param level 0 (none) to 4 (busiest), for the colour
	 */
	public record Day(LocalDate date, int count, int column, int row, int level) {
	}

	static Instant since(LocalDate today, ZoneId zone) {
		return today.minusDays(HISTORY_DAYS).atStartOfDay(zone).toInstant();
	}

	static Activity of(Collection<Instant> checkOffs, LocalDate today, ZoneId zone) {
		Map<LocalDate, Integer> perDay = new TreeMap<>();
		for (Instant checkOff : checkOffs) {
			perDay.merge(LocalDate.ofInstant(checkOff, zone), 1, Integer::sum);
		}
		LocalDate first = today.minusWeeks(WEEKS - 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		int max = perDay.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().isBefore(first))
			.mapToInt(Map.Entry::getValue)
			.max()
			.orElse(0);
		List<Day> days = new ArrayList<>();
		Day busiest = null;
		int total = 0;
		int activeDays = 0;
		for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
			int count = perDay.getOrDefault(date, 0);
			Day day = new Day(date, count, (int) (ChronoUnit.DAYS.between(first, date) / 7),
					date.getDayOfWeek().getValue() - 1, level(count, max));
			days.add(day);
			total += count;
			if (count > 0) {
				activeDays++;
				if (busiest == null || count > busiest.count()) {
					busiest = day;
				}
			}
		}
		return new Activity(today, List.copyOf(days), streak(perDay, today), total, activeDays, busiest);
	}

	private static int streak(Map<LocalDate, Integer> perDay, LocalDate today) {
		LocalDate day = perDay.containsKey(today) ? today : today.minusDays(1);
		int streak = 0;
		while (perDay.containsKey(day)) {
			streak++;
			day = day.minusDays(1);
		}
		return streak;
	}

	private static int level(int count, int max) {
		if (count == 0 || max == 0) {
			return 0;
		}
		return Math.max(1, (int) Math.ceil(4.0 * count / max));
	}

	public int columns() {
		return this.days.isEmpty() ? 0 : this.days.get(this.days.size() - 1).column() + 1;
	}

}
