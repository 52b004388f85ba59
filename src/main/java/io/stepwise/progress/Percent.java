package io.stepwise.progress;

final class Percent {

	private Percent() {
	}

	/**
	 * Rounded down, so that 100 means everything is done. A finished whole is 100 even
	 * when items were added to it after it was finished.
	 */
	static int of(int done, int total, boolean finished) {
		if (finished) {
			return 100;
		}
		return (total == 0) ? 0 : (int) (100L * done / total);
	}

}
