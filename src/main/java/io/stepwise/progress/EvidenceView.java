package io.stepwise.progress;

import java.time.Instant;

import io.stepwise.curriculum.WebLinks;

/**
 * Evidence as pages and other modules see it.
 *
 * @param url the learner's link, checked again before it is shown
 * @param feedback the mentor's words, or null before a review
 * @param version changes with every revision and review, so a review of what the mentor
 * did not see is refused
 */
public record EvidenceView(long id, long learnerId, long curriculumId, long itemId, String url, String note,
		Status status, Instant submittedAt, String feedback, Long reviewerId, Instant reviewedAt, long version) {

	public enum Status {

		SUBMITTED, ACCEPTED, CHANGES_REQUESTED

	}

	/**
	 * The link when it may be linked to; stored ones always are, this guards the page.
	 */
	public String safeUrl() {
		return WebLinks.safeOrNull(this.url);
	}

	public boolean isWaiting() {
		return this.status == Status.SUBMITTED;
	}

	public boolean isEditable() {
		return this.status != Status.ACCEPTED;
	}

}
