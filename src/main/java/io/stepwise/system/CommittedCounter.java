package io.stepwise.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of something a feature stored, counted once its transaction commits: a write
 * rolled back (a refused import, a lost connection) is never counted. Outside a
 * transaction it counts at once.
 */
public final class CommittedCounter {

	private final Counter counter;

	public CommittedCounter(MeterRegistry registry, String name, String description) {
		this.counter = Counter.builder(name).description(description).register(registry);
	}

	public void increment() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CommittedCounter.this.counter.increment();
			}
		});
	}

}
