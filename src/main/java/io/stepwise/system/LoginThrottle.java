package io.stepwise.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts password checks per account and per client address in fixed windows, in the
 * database so every instance counts the same attempts.
 * <p>
 * An attempt is counted <em>before</em> its password is checked: the counter row is
 * incremented and read back in one transaction that holds its row lock, so parallel
 * attempts are counted one after the other and no burst gets more than the limit of
 * checks. An attempt over the limit is refused and its transaction rolled back, so
 * refusals count for nothing. A right password clears the account's count and gives the
 * address its attempt back; an attempt whose password could not be checked at all gives
 * both back.
 */
@Component
public class LoginThrottle {

	private static final int MAX_NAME_IN_KEY = 64;

	/** How often an instance deletes the rows of windows that have ended. */
	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	/** Two transactions inserting the first row of one key, or a lock timeout. */
	private static final int TRIES = 5;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int accountLimit;

	private final int addressLimit;

	private final Duration window;

	private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${stepwise.login.account-limit:10}") int accountLimit,
			@Value("${stepwise.login.address-limit:100}") int addressLimit,
			@Value("${stepwise.login.window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		// Counted at once and for everyone to see, whatever transaction the caller is in.
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.accountLimit = accountLimit;
		this.addressLimit = addressLimit;
		this.window = window;
	}

	/**
	 * Counts a login attempt against its client address and its account.
	 * @return how long to wait when the attempt is refused; empty when its password may
	 * be checked
	 */
	public Optional<Duration> beginLogin(String username, String address) {
		return begin(List.of(new Limit(addressKey(address), this.addressLimit),
				new Limit(accountKey(username), this.accountLimit)));
	}

	/**
	 * Counts a check of the current password (to change it) against the account, in the
	 * same count as its logins: both are guesses at one password.
	 * @return how long to wait when the check is refused; empty when it may go on
	 */
	public Optional<Duration> beginPasswordCheck(String username) {
		return begin(List.of(new Limit(accountKey(username), this.accountLimit)));
	}

	/**
	 * The password was right: the account starts afresh and the address gets its attempt
	 * back. The address may be null where only the account was counted.
	 */
	public void passwordRight(String username, String address) {
		List<String> keys = new ArrayList<>();
		if (address != null) {
			keys.add(addressKey(address));
		}
		retrying(() -> this.transaction.execute((status) -> {
			keys.forEach(this::giveBack);
			this.jdbc.update("delete from login_attempt where attempt_key = ?", accountKey(username));
			return null;
		}));
	}

	/** The password could not be checked at all (hashing was busy): nothing counts. */
	public void notChecked(String username, String address) {
		List<String> keys = new ArrayList<>();
		if (address != null) {
			keys.add(addressKey(address));
		}
		keys.add(accountKey(username));
		retrying(() -> this.transaction.execute((status) -> {
			keys.forEach(this::giveBack);
			return null;
		}));
	}

	private Optional<Duration> begin(List<Limit> limits) {
		Instant now = this.clock.instant();
		sweepNowAndThen(now);
		// Rows are always locked in the order address, then account, so two attempts
		// never wait for each other in a circle.
		return retrying(() -> this.transaction.execute((status) -> {
			for (Limit limit : limits) {
				Window counted = increment(limit.key(), now);
				if (counted.attempts() > limit.attempts()) {
					status.setRollbackOnly();
					Duration wait = Duration.between(now, counted.startedAt().plus(this.window));
					return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
				}
			}
			return Optional.<Duration>empty();
		}));
	}

	/**
	 * Adds one attempt to the key's window, or starts a new window, and reads the count
	 * back while the row is locked by this transaction.
	 */
	private Window increment(String key, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp ended = Timestamp.from(now.minus(this.window));
		int updated = this.jdbc.update("""
				update login_attempt
				   set failures = case when window_started_at <= ? then 1 else failures + 1 end,
				       window_started_at = case when window_started_at <= ? then ? else window_started_at end
				 where attempt_key = ?""", ended, ended, at, key);
		if (updated == 0) {
			// A DuplicateKeyException here means another attempt inserted the row first;
			// the transaction is tried again and then finds the row.
			this.jdbc.update("insert into login_attempt (attempt_key, failures, window_started_at) values (?, 1, ?)",
					key, at);
			return new Window(1, now);
		}
		return this.jdbc.queryForObject("select failures, window_started_at from login_attempt where attempt_key = ?",
				(rs, n) -> new Window(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()), key);
	}

	private void giveBack(String key) {
		this.jdbc.update("update login_attempt set failures = failures - 1 where attempt_key = ? and failures > 0",
				key);
	}

	/**
	 * Windows that ended count for nothing; dropping them keeps guessed names from piling
	 * up. Once a minute per instance is enough, and keeps the delete's locks rare.
	 */
	private void sweepNowAndThen(Instant now) {
		Instant last = this.lastSweep.get();
		if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !this.lastSweep.compareAndSet(last, now)) {
			return;
		}
		try {
			this.transaction.executeWithoutResult((status) -> this.jdbc.update(
					"delete from login_attempt where window_started_at <= ?", Timestamp.from(now.minus(this.window))));
		}
		catch (ConcurrencyFailureException ex) {
			// Housekeeping only; the next sweep deletes what this one could not.
		}
	}

	private static <T> T retrying(Supplier<T> work) {
		for (int tries = 1;; tries++) {
			try {
				return work.get();
			}
			catch (DuplicateKeyException | ConcurrencyFailureException ex) {
				if (tries == TRIES) {
					throw ex;
				}
			}
		}
	}

	private static String accountKey(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return "account:" + name.substring(0, Math.min(name.length(), MAX_NAME_IN_KEY));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Limit(String key, int attempts) {
	}

	private record Window(int attempts, Instant startedAt) {
	}

}
