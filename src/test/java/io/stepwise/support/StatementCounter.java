package io.stepwise.support;

import io.stepwise.curriculum.CurriculumCaches;
import net.ttddyy.dsproxy.QueryCountHolder;

/**
 * Statements sent on the current thread since the last {@link #reset()}. A reset also
 * empties the curriculum caches, so what is counted is a page read from the database: the
 * most it costs, the same whichever test ran before. {@link #resetWarm()} keeps them, to
 * count a page whose curricula are cached.
 */
public class StatementCounter {

	private final CurriculumCaches caches;

	StatementCounter(CurriculumCaches caches) {
		this.caches = caches;
	}

	public void reset() {
		this.caches.clear();
		QueryCountHolder.clear();
	}

	public void resetWarm() {
		QueryCountHolder.clear();
	}

	public long total() {
		return QueryCountHolder.getGrandTotal().getTotal();
	}

	public long selects() {
		return QueryCountHolder.getGrandTotal().getSelect();
	}

}
