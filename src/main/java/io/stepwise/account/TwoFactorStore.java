package io.stepwise.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The TOTP secret of each account, its counters and its recovery codes. Counting a try,
 * using a time step and using a recovery code are each one conditional statement, so
 * parallel requests (on any instance) cannot get more tries than the limit, nor use a
 * code twice.
 */
@Repository
class TwoFactorStore {

	private final JdbcTemplate jdbc;

	TwoFactorStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A new secret for the account, replacing any it had; counters start afresh. */
	void replaceSecret(long accountId, String storedSecret, Instant now) {
		this.jdbc.update("delete from two_factor_secret where account_id = ?", accountId);
		this.jdbc.update("insert into two_factor_secret (account_id, secret, created_at, failures) values (?, ?, ?, 0)",
				accountId, storedSecret, Timestamp.from(now));
	}

	Optional<String> secret(long accountId) {
		return this.jdbc
			.queryForList("select secret from two_factor_secret where account_id = ?", String.class, accountId)
			.stream()
			.findFirst();
	}

	/** Forgets the secret and the recovery codes. */
	void remove(long accountId) {
		this.jdbc.update("delete from two_factor_recovery_code where account_id = ?", accountId);
		this.jdbc.update("delete from two_factor_secret where account_id = ?", accountId);
	}

	/**
	 * Counts a try before it is checked.
	 * @return empty when the try may be checked; how long to wait when the account has
	 * used up its tries in the current window
	 */
	Optional<Duration> countTry(long accountId, int limit, Duration window, Instant now) {
		Timestamp at = Timestamp.from(now);
		Timestamp expired = Timestamp.from(now.minus(window));
		int counted = this.jdbc.update("""
				update two_factor_secret
				   set failures = case when window_started_at is null or window_started_at < ? then 1
				                       else failures + 1 end,
				       window_started_at = case when window_started_at is null or window_started_at < ? then ?
				                                else window_started_at end
				 where account_id = ?
				   and (window_started_at is null or window_started_at < ? or failures < ?)""", expired, expired, at,
				accountId, expired, limit);
		if (counted == 1) {
			return Optional.empty();
		}
		List<OffsetDateTime> started = this.jdbc.queryForList(
				"select window_started_at from two_factor_secret where account_id = ?", OffsetDateTime.class,
				accountId);
		Duration wait = started.stream()
			.filter((start) -> start != null)
			.map((start) -> Duration.between(now, start.toInstant().plus(window)))
			.findFirst()
			.orElse(window);
		return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
	}

	/** A correct answer: the tries start afresh. */
	void resetTries(long accountId) {
		this.jdbc.update("update two_factor_secret set failures = 0, window_started_at = null where account_id = ?",
				accountId);
	}

	/**
	 * Takes a time step for the account.
	 * @return false when this step or a later one was used already: the code is a replay
	 */
	boolean useStep(long accountId, long step) {
		return this.jdbc.update("""
				update two_factor_secret set last_used_step = ?
				 where account_id = ? and (last_used_step is null or last_used_step < ?)""", step, accountId,
				step) == 1;
	}

	void replaceRecoveryCodes(long accountId, Collection<String> hashes) {
		this.jdbc.update("delete from two_factor_recovery_code where account_id = ?", accountId);
		for (String hash : hashes) {
			this.jdbc.update("insert into two_factor_recovery_code (account_id, code_hash) values (?, ?)", accountId,
					hash);
		}
	}

	/**
	 * @return whether the code was there; it is gone now
	 */
	boolean useRecoveryCode(long accountId, String hash) {
		return this.jdbc.update("delete from two_factor_recovery_code where account_id = ? and code_hash = ?",
				accountId, hash) == 1;
	}

	int recoveryCodesLeft(long accountId) {
		Integer left = this.jdbc.queryForObject("select count(*) from two_factor_recovery_code where account_id = ?",
				Integer.class, accountId);
		return (left != null) ? left : 0;
	}

}
