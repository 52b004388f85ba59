package io.stepwise.account;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stepwise.system.CommittedCounter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes accounts; every password rule is enforced here, whatever the
 * caller.
 */
@Service
public class AccountService {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	private final CommittedCounter signups;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
		// A context without metrics (a test slice of accounts) counts into a registry of
		// its
		// own.
		this.signups = new CommittedCounter(meters.getIfAvailable(SimpleMeterRegistry::new), "stepwise.signups",
				"Learner accounts created by sign-up");
	}

	/** Signs up a learner. Usernames and emails compare case-insensitively. */
	@Transactional
	AccountUser signUp(SignupForm form) {
		String username = normalizeUsername(form.username());
		String email = form.email().strip().toLowerCase(Locale.ROOT);
		requirePasswordAllowed("password", form.password(), username);
		if (this.accounts.existsByUsername(username)) {
			throw new AccountRejected("username", "signup.username.taken");
		}
		if (this.accounts.existsByEmail(email)) {
			throw new AccountRejected("email", "signup.email.taken");
		}
		Account account = new Account(username, email, form.displayName().strip(),
				this.passwordEncoder.encode(form.password()), Role.LEARNER, zoneOrUtc(form.timeZone()),
				this.clock.instant());
		try {
			AccountUser user = this.accounts.save(account).toUser();
			this.signups.increment();
			return user;
		}
		catch (DataIntegrityViolationException ex) {
			// Someone took the name between the check and the insert.
			throw new AccountRejected("username", "signup.username.taken");
		}
	}

	/**
	 * Creates an account with the given role for another module, such as the demo data,
	 * under the same password rules as sign-up.
	 * @throws AccountRejected when the name or email is taken or the password not allowed
	 */
	@Transactional
	public Member create(NewAccount account) {
		String username = normalizeUsername(account.username());
		String email = account.email().strip().toLowerCase(Locale.ROOT);
		requirePasswordAllowed("password", account.password(), username);
		if (this.accounts.existsByUsername(username)) {
			throw new AccountRejected("username", "signup.username.taken");
		}
		if (this.accounts.existsByEmail(email)) {
			throw new AccountRejected("email", "signup.email.taken");
		}
		return this.accounts
			.save(new Account(username, email, account.displayName(), this.passwordEncoder.encode(account.password()),
					account.role(), account.zone(), this.clock.instant()))
			.toMember();
	}

	/**
	 * Changes the password. Every session of the account ends but the one that asks,
	 * which goes on with the user returned.
	 */
	@Transactional
	AccountUser changePassword(long accountId, PasswordForm form) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (!this.passwordEncoder.matches(form.currentPassword(), account.getPasswordHash())) {
			throw new AccountRejected("currentPassword", "account.password.current.wrong");
		}
		requirePasswordAllowed("newPassword", form.newPassword(), account.getUsername());
		account.changePassword(this.passwordEncoder.encode(form.newPassword()), this.clock.instant());
		return account.toUser();
	}

	@Transactional(readOnly = true)
	boolean mustChangePassword(long accountId) {
		return this.accounts.findById(accountId).map(Account::mustChangePassword).orElse(false);
	}

	/**
	 * Replaces a temporary password with one the user chooses. The user logged in with
	 * the temporary one just now, so it is not asked for again; an account without one
	 * changes its password only with the current password, on the account page.
	 * @return the user to go on with, or empty when the account has no temporary password
	 */
	@Transactional
	Optional<AccountUser> replaceTemporaryPassword(long accountId, NewPasswordForm form) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (!account.mustChangePassword()) {
			return Optional.empty();
		}
		requirePasswordAllowed("newPassword", form.newPassword(), account.getUsername());
		if (this.passwordEncoder.matches(form.newPassword(), account.getPasswordHash())) {
			throw new AccountRejected("newPassword", "account.newPassword.same");
		}
		account.changePassword(this.passwordEncoder.encode(form.newPassword()), this.clock.instant());
		return Optional.of(account.toUser());
	}

	@Transactional
	AccountUser changeProfile(long accountId, ProfileForm form) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.changeProfile(form.displayName().strip(), zoneOrUtc(form.timeZone()));
		return account.toUser();
	}

	@Transactional(readOnly = true)
	boolean hasAdmin() {
		return this.accounts.existsByRole(Role.ADMIN);
	}

	/**
	 * Creates the first administrator unless one exists.
	 * @return whether an administrator was created
	 */
	@Transactional
	boolean createAdminIfNone(String username, String email, String password) {
		if (this.accounts.existsByRole(Role.ADMIN)) {
			return false;
		}
		String name = normalizeUsername(username);
		if (this.accounts.existsByUsername(name)) {
			throw new IllegalStateException("There is no administrator, and the user '" + name
					+ "' exists but is not one: set STEPWISE_ADMIN_USERNAME to a free name");
		}
		requirePasswordAllowed("password", password, name);
		this.accounts.save(new Account(name, email.toLowerCase(Locale.ROOT), "Administrator",
				this.passwordEncoder.encode(password), Role.ADMIN, ZoneId.of("UTC"), this.clock.instant()));
		return true;
	}

	private void requirePasswordAllowed(String field, String password, String username) {
		this.passwordPolicy.check(password, username).ifPresent((code) -> {
			throw new AccountRejected(field, code);
		});
	}

	static String normalizeUsername(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	static ZoneId zoneOrUtc(String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			return ZoneId.of("UTC");
		}
	}

}
