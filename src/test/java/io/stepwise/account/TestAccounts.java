package io.stepwise.account;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;

/**
 * Creates accounts for tests through the real sign-up rules. Each call makes a new user
 * with a unique name, so tests sharing a database never see each other's data.
 */
@TestComponent
public class TestAccounts {

	public static final String PASSWORD = "a long and unusual test passphrase";

	private final AccountService accounts;

	TestAccounts(AccountService accounts) {
		this.accounts = accounts;
	}

	public AccountUser learner() {
		return learner("UTC");
	}

	public AccountUser learner(String timeZone) {
		String name = "learner-" + UUID.randomUUID().toString().substring(0, 13);
		return this.accounts.signUp(new SignupForm(name, name + "@example.org", "Learner " + name, PASSWORD, timeZone));
	}

}
