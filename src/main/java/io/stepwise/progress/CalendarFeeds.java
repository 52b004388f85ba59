package io.stepwise.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The private addresses of calendar feeds: 32 random bytes, of which only a SHA-256 is
 * stored. Turning the feed on again or replacing it makes a new token, and the old one
 * stops working at once.
 */
@Service
class CalendarFeeds {

	/** 32 bytes in URL-safe Base64 without padding. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int TOKEN_BYTES = 32;

	private final CalendarFeedRepository feeds;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	CalendarFeeds(CalendarFeedRepository feeds, Clock clock) {
		this.feeds = feeds;
		this.clock = clock;
	}

	/**
	 * Makes a new token for the account's feed, replacing any it had.
	 * @return the token, which is stored nowhere and so can be shown only now
	 */
	@Transactional
	String renew(long accountId) {
		String token = newToken();
		Instant now = this.clock.instant();
		Optional<CalendarFeed> existing = this.feeds.findByAccountId(accountId);
		if (existing.isPresent()) {
			existing.get().replace(hash(token), now);
		}
		else {
			try {
				this.feeds.save(new CalendarFeed(accountId, hash(token), now));
			}
			catch (DataIntegrityViolationException ex) {
				// A parallel request made one first; this transaction is spent, so ask
				// again.
				throw new FeedChangedException(ex);
			}
		}
		return token;
	}

	@Transactional
	void turnOff(long accountId) {
		this.feeds.deleteByAccountId(accountId);
	}

	/** Since when the account's feed has its current address; empty when it is off. */
	@Transactional(readOnly = true)
	Optional<Instant> since(long accountId) {
		return this.feeds.findByAccountId(accountId).map(CalendarFeed::getCreatedAt);
	}

	/**
	 * The account a token opens: one statement, none for something that cannot be a
	 * token.
	 */
	@Transactional(readOnly = true)
	Optional<Long> accountOf(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.feeds.findAccountIdByTokenHash(hash(token));
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	/** Two requests turned the same feed on at once. */
	static class FeedChangedException extends RuntimeException {

		FeedChangedException(Throwable cause) {
			super("The calendar feed changed meanwhile", cause);
		}

	}

}
