package io.stepwise.account;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks a new password with the other fields of its form, so that every error shows at
 * once. {@link AccountService} applies the same policy again when it stores the password.
 */
@Component
class PasswordFieldValidator implements Validator {

	private final PasswordPolicy policy;

	PasswordFieldValidator(PasswordPolicy policy) {
		this.policy = policy;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SignupForm.class.equals(type) || PasswordForm.class.equals(type) || NewPasswordForm.class.equals(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof SignupForm form) {
			this.policy.check(form.password(), form.username())
				.ifPresent((code) -> errors.rejectValue("password", code));
		}
		else if (target instanceof PasswordForm form) {
			this.policy.check(form.newPassword(), null).ifPresent((code) -> errors.rejectValue("newPassword", code));
		}
		else if (target instanceof NewPasswordForm form) {
			this.policy.check(form.newPassword(), null).ifPresent((code) -> errors.rejectValue("newPassword", code));
		}
	}

}
