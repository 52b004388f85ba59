package io.stepwise.progress;

final class Percent {

	private Percent() {
	}

	/**
	 * Rounded down, so that 100 means everything is done; an empty but finished whole is
	 * 100.
	 */
	static int of(int done, int total, boolean finishedWhenEmpty) {
		if (total == 0) {
			return finishedWhenEmpty ? 100 : 0;
		}
		return (int) (100L * done / total);
	}

}
