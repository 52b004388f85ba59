package io.stepwise.account;

import java.time.Clock;
import java.util.Locale;

import io.stepwise.system.Audited;
import io.stepwise.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to accounts: find them, change their role, disable them, give them a
 * temporary password. Each change is recorded in the audit log in its transaction, and
 * the portal never runs out of enabled admins. The sessions of a changed account follow
 * on their next request (see {@link AccountSessionCheck}).
 */
@Service
class AccountAdministration {

	static final int PAGE_SIZE = 50;

	private static final String AREA = "account";

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountAdministration(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.events = events;
		this.clock = clock;
	}

	/** One page of the accounts that match, by username. */
	@Transactional(readOnly = true)
	Page<AdminUserView> search(UserSearch search) {
		String text = (search.text() != null) ? "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%" : null;
		return this.accounts.search(text, PageRequest.of(search.page() - 1, PAGE_SIZE)).map(AdminUserView::of);
	}

	/**
	 * @throws NotFoundException when no account has the username
	 */
	@Transactional(readOnly = true)
	UserDetail user(String username) {
		Account account = find(username);
		return new UserDetail(AdminUserView.of(account),
				account.isActiveAdmin() && this.accounts.countActiveAdminsOtherThan(account.getId()) == 0);
	}

	/**
	 * Changes the role, the enabled state or both, and records each change made.
	 * @return the account after the change
	 * @throws LastAdminException when it would leave no enabled admin; nothing is written
	 * @throws NotFoundException when no account has the username
	 */
	@Transactional
	AdminUserView change(AccountUser admin, ChangeAccount change) {
		if (change.couldRemoveAnAdmin()) {
			// Two admins taking each other's role at the same time: the second waits for
			// the first, then counts without it, and is refused.
			this.accounts.lockActiveAdmins();
		}
		Account account = find(change.username());
		Role role = (change.role() != null) ? change.role() : account.getRole();
		boolean enabled = (change.enabled() != null) ? change.enabled() : account.isEnabled();
		if (account.isActiveAdmin() && (role != Role.ADMIN || !enabled)
				&& this.accounts.countActiveAdminsOtherThan(account.getId()) == 0) {
			throw new LastAdminException(account.getUsername());
		}
		if (role != account.getRole()) {
			audit(admin, "role.changed", account, "role: " + account.getRole(), "role: " + role);
			account.changeRole(role);
		}
		if (enabled != account.isEnabled()) {
			audit(admin, enabled ? "user.enabled" : "user.disabled", account, state(account.isEnabled()),
					state(enabled) + (enabled ? "" : "; every session ended"));
			account.setEnabled(enabled);
		}
		return AdminUserView.of(account);
	}

	/**
	 * Sets a temporary password, under the same rules as one the user chooses. Every
	 * session of the account ends, and its next login must choose a new password.
	 * @throws AccountRejected when the password the admin chose is not allowed
	 * @throws NotFoundException when no account has the username
	 */
	@Transactional
	TemporaryPassword setTemporaryPassword(AccountUser admin, SetTemporaryPassword command) {
		Account account = find(command.username());
		String password = command.generate() ? generated(account.getUsername()) : command.password();
		this.passwordPolicy.check(password, account.getUsername()).ifPresent((code) -> {
			throw new AccountRejected("password", code);
		});
		audit(admin, "user.temporaryPassword", account,
				account.mustChangePassword() ? "temporary password" : "password chosen by the user",
				"temporary password, to be replaced at the next login; every session ended");
		account.setTemporaryPassword(this.passwordEncoder.encode(password), this.clock.instant());
		return new TemporaryPassword(AdminUserView.of(account), command.generate() ? password : null);
	}

	private String generated(String username) {
		String password = RandomPasswords.generate();
		while (this.passwordPolicy.check(password, username).isPresent()) {
			password = RandomPasswords.generate();
		}
		return password;
	}

	private Account find(String username) {
		return this.accounts.findByUsername(AccountService.normalizeUsername(username))
			.orElseThrow(() -> new NotFoundException("No user '" + username + "'"));
	}

	private void audit(AccountUser admin, String action, Account account, String before, String after) {
		this.events.publishEvent(
				new Audited(admin.id(), admin.getUsername(), AREA, action, account.getUsername(), before, after));
	}

	private static String state(boolean enabled) {
		return enabled ? "enabled" : "disabled";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * @param lastAdmin whether this is the only enabled admin, who can be neither demoted
	 * nor disabled
	 */
	record UserDetail(AdminUserView user, boolean lastAdmin) {
	}

}
