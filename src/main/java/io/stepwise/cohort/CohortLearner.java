package io.stepwise.cohort;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A learner's place in a cohort; the key makes joining twice one membership. */
@Entity
@Table(name = "cohort_learner")
@IdClass(CohortLearner.Key.class)
class CohortLearner {

	@Id
	private long cohortId;

	@Id
	private long learnerId;

	private Instant joinedAt;

	protected CohortLearner() {
	}

	CohortLearner(long cohortId, long learnerId, Instant joinedAt) {
		this.cohortId = cohortId;
		this.learnerId = learnerId;
		this.joinedAt = joinedAt;
	}

	long getCohortId() {
		return this.cohortId;
	}

	long getLearnerId() {
		return this.learnerId;
	}

	Instant getJoinedAt() {
		return this.joinedAt;
	}

	/** The composite key, as JPA wants it: a class with the id fields' names. */
	static class Key implements Serializable {

		private long cohortId;

		private long learnerId;

		protected Key() {
		}

		Key(long cohortId, long learnerId) {
			this.cohortId = cohortId;
			this.learnerId = learnerId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.cohortId == this.cohortId && key.learnerId == this.learnerId;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.cohortId) * 31 + Long.hashCode(this.learnerId);
		}

	}

}
