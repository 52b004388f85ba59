package io.stepwise.account;

import io.stepwise.system.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a visitor may choose at sign-up; the role and everything else is decided here. */
record SignupForm(
		// A blank name gets only the "required" message, not the pattern one too.
		@NotBlank(message = "{signup.username.required}") @Pattern(regexp = "|[A-Za-z0-9._-]{3,32}",
				message = "{signup.username.pattern}") String username,
		@NotBlank(message = "{signup.email.required}") @Email(message = "{signup.email.invalid}") @Size(max = 254,
				message = "{signup.email.invalid}") @PlainText String email,
		@NotBlank(message = "{signup.displayName.required}") @Size(max = 100,
				message = "{signup.displayName.tooLong}") @PlainText String displayName,
		String password, String timeZone) {

	static SignupForm empty() {
		return new SignupForm("", "", "", "", "UTC");
	}

}
