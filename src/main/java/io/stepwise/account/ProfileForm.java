package io.stepwise.account;

import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ProfileForm(@NotBlank(message = "{signup.displayName.required}") @Size(max = 100,
		message = "{signup.displayName.tooLong}") @PlainText String displayName, String timeZone) {

}
