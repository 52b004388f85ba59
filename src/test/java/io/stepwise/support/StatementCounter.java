package io.stepwise.support;

import net.ttddyy.dsproxy.QueryCountHolder;

/** Statements sent on the current thread since the last {@link #reset()}. */
public class StatementCounter {

	public void reset() {
		QueryCountHolder.clear();
	}

	public long total() {
		return QueryCountHolder.getGrandTotal().getTotal();
	}

	public long selects() {
		return QueryCountHolder.getGrandTotal().getSelect();
	}

}
