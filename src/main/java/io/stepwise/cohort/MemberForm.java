package io.stepwise.cohort;

import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Adds a mentor or a learner to a cohort.
 *
 * @param user a username or an email address
 */
record MemberForm(@NotBlank(message = "{admin.cohort.user.required}") @Size(max = 254,
		message = "{admin.cohort.user.tooLong}") @PlainText String user) {

	static MemberForm empty() {
		return new MemberForm("");
	}

}
