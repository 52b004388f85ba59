package io.stepwise.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Codes from an authenticator app (RFC 6238: HMAC-SHA1, six digits, 30-second steps, as
 * every common app expects). The codes themselves come from java-otp; this class picks
 * the secret and decides which time steps count.
 */
final class TotpCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	/** 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
	private static final int SECRET_BYTES = 20;

	/** A step either side, for a phone whose clock is a little off. */
	private static final int DRIFT_STEPS = 1;

	private static final Pattern SHAPE = Pattern.compile("\\d{" + DIGITS + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** Whether the text looks like a code from the app rather than a recovery code. */
	static boolean looksLikeCode(String text) {
		return SHAPE.matcher(text).matches();
	}

	/**
	 * @return the time step whose code this is, when it is the code of the step now or of
	 * a step next to it
	 */
	OptionalLong stepOf(byte[] secret, String code, Instant now) {
		if (code == null || !looksLikeCode(code)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			// Every candidate is compared, in constant time, so the answer takes as long
			// whichever matched.
			if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	/** The code of the given time step. */
	String codeAt(byte[] secret, long step) {
		Key key = new SecretKeySpec(secret, this.generator.getAlgorithm());
		try {
			return this.generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
					java.util.Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("A TOTP secret was refused as an HMAC key", ex);
		}
	}

	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
	}

}
