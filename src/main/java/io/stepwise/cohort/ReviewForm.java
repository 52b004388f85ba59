package io.stepwise.cohort;

import jakarta.validation.constraints.Size;

import io.stepwise.system.PlainText;

/**
 * A mentor's review: the verdict, the feedback and the version of the evidence they read.
 */
record ReviewForm(String decision,
		@Size(max = ReviewForm.FEEDBACK_LENGTH, message = "{review.feedback.tooLong}") @PlainText(multiline = true,
				message = "{text.controlCharacters}") String feedback,
		long version) {

	static final int FEEDBACK_LENGTH = 2_000;

	boolean accepted() {
		return "accept".equals(this.decision);
	}

	boolean asksForChanges() {
		return "changes".equals(this.decision);
	}

	String normalizedFeedback() {
		String text = (this.feedback != null) ? this.feedback.strip().replace("\r\n", "\n") : "";
		return text.isEmpty() ? null : text;
	}

}
