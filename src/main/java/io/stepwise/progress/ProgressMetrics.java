package io.stepwise.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stepwise.system.CommittedCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The progress module's meters: check-offs as they are stored, and the learners active in
 * the last seven days. The gauge is read from the database, so every instance reports the
 * same number (take the max across instances, not the sum); one query a minute at most.
 */
@Component
class ProgressMetrics {

	static final Duration ACTIVE_WINDOW = Duration.ofDays(7);

	static final Duration CACHED_FOR = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ProgressMetrics.class);

	private final CommittedCounter checkOffs;

	private final ProgressEventRepository events;

	private final Clock clock;

	private Instant countedAt;

	private double activeLearners = Double.NaN;

	ProgressMetrics(MeterRegistry registry, ProgressEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.checkOffs = new CommittedCounter(registry, "stepwise.checkoffs", "Items checked off by learners");
		Gauge.builder("stepwise.learners.active", this, ProgressMetrics::activeLearners)
			.description("Learners with progress in the last 7 days, across all instances")
			.register(registry);
	}

	void checkedOff() {
		this.checkOffs.increment();
	}

	synchronized double activeLearners() {
		Instant now = this.clock.instant();
		if (this.countedAt == null || !now.isBefore(this.countedAt.plus(CACHED_FOR))) {
			try {
				this.activeLearners = this.events.countLearnersActiveSince(now.minus(ACTIVE_WINDOW));
				this.countedAt = now;
			}
			catch (DataAccessException ex) {
				// The last count stands (or none): a scrape during an outage still
				// answers,
				// and readiness tells of the database.
				log.debug("Active learners not counted: {}", ex.getMessage());
			}
		}
		return this.activeLearners;
	}

}
