package io.stepwise.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the portal can be administered from the first start, without a fixed default
 * password: the password comes from {@code STEPWISE_ADMIN_PASSWORD}, or is generated and
 * printed once in the log.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService accounts;

	private final String username;

	private final String email;

	private final String password;

	AdminBootstrap(AccountService accounts, @Value("${stepwise.admin.username:admin}") String username,
			@Value("${stepwise.admin.email:admin@stepwise.invalid}") String email,
			@Value("${stepwise.admin.password:}") String password) {
		this.accounts = accounts;
		this.username = username;
		this.email = email;
		this.password = password;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean generated = this.password.isBlank();
		String initial = generated ? RandomPasswords.generate() : this.password;
		try {
			if (!this.accounts.createAdminIfNone(this.username, this.email, initial)) {
				return;
			}
		}
		catch (AccountRejected rejected) {
			throw new IllegalStateException("STEPWISE_ADMIN_PASSWORD is not allowed (" + rejected.code()
					+ "): use at least " + PasswordPolicy.MIN_LENGTH + " characters that are not a common password");
		}
		catch (DataIntegrityViolationException ex) {
			if (!this.accounts.hasAdmin()) {
				throw ex;
			}
			log.info("The administrator was created by another instance starting at the same time");
			return;
		}
		if (generated) {
			log.warn("""

					*** First start: created the administrator '{}' with the password

					        {}

					    It is shown only this once. Log in and change it under Account.
					    The first login also sets up the second factor: have an authenticator app ready.
					""", this.username, initial);
		}
		else {
			log.info("First start: created the administrator '{}' with the password from STEPWISE_ADMIN_PASSWORD",
					this.username);
		}
	}

}
