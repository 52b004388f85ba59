package io.stepwise.support;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * What an authenticator app does with the secret a page shows: the code of a moment,
 * computed here from the Base32 text alone, as a phone would.
 */
public final class Authenticator {

	private static final Duration STEP = Duration.ofSeconds(30);

	private final byte[] secret;

	public Authenticator(String base32Secret) {
		this.secret = new Base32().decode(base32Secret.replace(" ", "").toUpperCase(Locale.ROOT));
	}

	public String codeAt(Instant instant) {
		try {
			return new TimeBasedOneTimePasswordGenerator(STEP)
				.generateOneTimePasswordString(new SecretKeySpec(this.secret, "HmacSHA1"), instant, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The code of the time step after the one of this instant. */
	public String nextCodeAfter(Instant instant) {
		return codeAt(instant.plus(STEP));
	}

}
