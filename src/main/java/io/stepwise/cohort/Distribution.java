package io.stepwise.cohort;

import java.util.List;

/**
 * How many learners are on each week, and how many finished: the cohort's spread, for the
 * chart and its text alternative.
 */
record Distribution(List<Bar> bars, int finished, int notEnrolled) {

	record Bar(int week, int learners) {
	}

	static Distribution of(List<CohortRow> rows, int weekCount) {
		int[] onWeek = new int[weekCount + 1];
		int finished = 0;
		int notEnrolled = 0;
		for (CohortRow row : rows) {
			if (!row.standing().enrolled()) {
				notEnrolled++;
			}
			else if (row.standing().isFinished()) {
				finished++;
			}
			else if (row.standing().currentWeek() <= weekCount) {
				onWeek[row.standing().currentWeek()]++;
			}
		}
		List<Bar> bars = new java.util.ArrayList<>();
		for (int week = 1; week <= weekCount; week++) {
			bars.add(new Bar(week, onWeek[week]));
		}
		return new Distribution(List.copyOf(bars), finished, notEnrolled);
	}

	/** The highest bar, at least 1, to scale the chart. */
	public int max() {
		return Math.max(1, Math.max(this.finished, this.bars.stream().mapToInt(Bar::learners).max().orElse(0)));
	}

	/** Bars with learners on them, for the text alternative. */
	public List<Bar> occupied() {
		return this.bars.stream().filter((bar) -> bar.learners() > 0).toList();
	}

}
