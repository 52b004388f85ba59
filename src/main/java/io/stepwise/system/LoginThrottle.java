package io.stepwise.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per account and per client address in fixed windows. Past the
 * limit, further attempts are refused until the window ends, without checking the
 * password and without making anyone wait on a sleeping thread.
 */
@Component
class LoginThrottle {

	private static final int MAX_NAME_IN_KEY = 64;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int accountLimit;

	private final int addressLimit;

	private final Duration window;

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${stepwise.login.account-limit:10}") int accountLimit,
			@Value("${stepwise.login.address-limit:100}") int addressLimit,
			@Value("${stepwise.login.window:15m}") Duration window) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.accountLimit = accountLimit;
		this.addressLimit = addressLimit;
		this.window = window;
	}

	/** How long the caller must wait before trying again, if at all. */
	@Transactional(readOnly = true)
	Optional<Duration> retryAfter(String username, String address) {
		Instant now = this.clock.instant();
		return longest(blocked(accountKey(username), this.accountLimit, now),
				blocked(addressKey(address), this.addressLimit, now));
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		count(accountKey(username), now);
		count(addressKey(address), now);
		forgetExpired(now);
	}

	void succeeded(String username) {
		this.transaction.executeWithoutResult(
				(status) -> this.jdbc.update("delete from login_attempt where attempt_key = ?", accountKey(username)));
	}

	private Optional<Duration> blocked(String key, int limit, Instant now) {
		List<Window> rows = this.jdbc.query(
				"select failures, window_started_at from login_attempt where attempt_key = ?",
				(rs, n) -> new Window(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()), key);
		return rows.stream()
			.filter((row) -> row.failures() >= limit)
			.map((row) -> Duration.between(now, row.startedAt().plus(this.window)))
			.filter((wait) -> !wait.isNegative() && !wait.isZero())
			.findFirst();
	}

	private void count(String key, Instant now) {
		try {
			this.transaction.executeWithoutResult((status) -> countOnce(key, now));
		}
		catch (DuplicateKeyException ex) {
			// Another request inserted the first failure meanwhile; now the update finds
			// it.
			this.transaction.executeWithoutResult((status) -> countOnce(key, now));
		}
	}

	/**
	 * Windows that ended count for nothing; dropping them keeps guessed names from piling
	 * up.
	 */
	private void forgetExpired(Instant now) {
		this.transaction.executeWithoutResult((status) -> this.jdbc
			.update("delete from login_attempt where window_started_at < ?", Timestamp.from(now.minus(this.window))));
	}

	private void countOnce(String key, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp expired = Timestamp.from(now.minus(this.window));
		int updated = this.jdbc.update("""
				update login_attempt
				   set failures = case when window_started_at < ? then 1 else failures + 1 end,
				       window_started_at = case when window_started_at < ? then ? else window_started_at end
				 where attempt_key = ?""", expired, expired, at, key);
		if (updated == 0) {
			this.jdbc.update("insert into login_attempt (attempt_key, failures, window_started_at) values (?, 1, ?)",
					key, at);
		}
	}

	private static Optional<Duration> longest(Optional<Duration> first, Optional<Duration> second) {
		if (first.isPresent() && second.isPresent()) {
			return Optional.of((first.get().compareTo(second.get()) >= 0) ? first.get() : second.get());
		}
		return first.isPresent() ? first : second;
	}

	private static String accountKey(String username) {
		String name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return "account:" + name.substring(0, Math.min(name.length(), MAX_NAME_IN_KEY));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Window(int failures, Instant startedAt) {
	}

}
