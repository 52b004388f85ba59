package io.stepwise.curriculum;

/**
 * The months of a curriculum a phase covers, 1-based and inclusive: "Month 1" is 1-1,
 * "Months 7-12" is 7-12.
 */
public record MonthSpan(int from, int to) {

	public MonthSpan {
		if (from < 1 || to < from) {
			throw new IllegalArgumentException("Invalid month span " + from + "-" + to);
		}
	}

	public static MonthSpan of(int month) {
		return new MonthSpan(month, month);
	}

	public boolean contains(int month) {
		return this.from <= month && month <= this.to;
	}

	public boolean isSingleMonth() {
		return this.from == this.to;
	}

}
