package io.stepwise.account;

import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Mentors and admins for the account tests, each new with a unique name. Only admins give
 * roles, so the role is stored directly. Import it with
 * {@code @Import(StaffAccounts.class)}; it brings {@link TestAccounts} along.
 */
@TestComponent
@Import(TestAccounts.class)
class StaffAccounts {

	private final TestAccounts accounts;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	StaffAccounts(TestAccounts accounts, UserDetailsService users, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.users = users;
		this.jdbc = jdbc;
	}

	AccountUser learner() {
		return this.accounts.learner();
	}

	AccountUser mentor() {
		return withRole(Role.MENTOR);
	}

	AccountUser admin() {
		return withRole(Role.ADMIN);
	}

	/** The user as the database has them now, as a new login would see them. */
	AccountUser reload(AccountUser user) {
		return (AccountUser) this.users.loadUserByUsername(user.getUsername());
	}

	/**
	 * Runs the checks with this admin as the only enabled one: every other admin, other
	 * tests' too, is disabled meanwhile and enabled again afterwards.
	 */
	void asOnlyAdmin(AccountUser admin, Checks checks) throws Exception {
		List<Long> others = this.jdbc.queryForList(
				"select id from app_user where role = 'ADMIN' and enabled and id <> ?", Long.class, admin.id());
		others.forEach((id) -> this.jdbc.update("update app_user set enabled = false where id = ?", id));
		try {
			checks.run();
		}
		finally {
			others.forEach((id) -> this.jdbc.update("update app_user set enabled = true where id = ?", id));
		}
	}

	private AccountUser withRole(Role role) {
		AccountUser learner = this.accounts.learner();
		this.jdbc.update("update app_user set role = ? where id = ?", role.name(), learner.id());
		return reload(learner);
	}

	interface Checks {

		void run() throws Exception;

	}

}
