package io.stepwise.account;

import java.util.Locale;

import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.binary.Hex;

import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * How a TOTP secret is written in the database: encrypted (AES-GCM, key derived from the
 * setting) when a key is configured, as Base32 otherwise. A prefix says which, so a key
 * configured later still reads the secrets stored before it.
 */
final class TwoFactorSecrets {

	private static final String PLAIN = "plain:";

	private static final String ENCRYPTED = "aes:";

	/** The key is the secret; the salt only has to be fixed, so every instance agrees. */
	private static final String SALT = Hex.encodeHexString("stepwise-totp".getBytes());

	private final BytesEncryptor encryptor;

	TwoFactorSecrets(String key) {
		this.encryptor = (key == null || key.isBlank()) ? null : Encryptors.stronger(key, SALT);
	}

	String store(byte[] secret) {
		if (this.encryptor == null) {
			return PLAIN + base32(secret);
		}
		return ENCRYPTED + Hex.encodeHexString(this.encryptor.encrypt(secret));
	}

	byte[] read(String stored) {
		if (stored.startsWith(PLAIN)) {
			return new Base32().decode(stored.substring(PLAIN.length()));
		}
		if (this.encryptor == null) {
			throw new IllegalStateException(
					"A TOTP secret is stored encrypted, but STEPWISE_TWO_FACTOR_ENCRYPTION_KEY is not set");
		}
		try {
			return this.encryptor.decrypt(Hex.decodeHex(stored.substring(ENCRYPTED.length())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"A TOTP secret could not be decrypted: STEPWISE_TWO_FACTOR_ENCRYPTION_KEY differs from the one it was stored with",
					ex);
		}
	}

	/** Base32 without padding, as authenticator apps show and take it. */
	static String base32(byte[] secret) {
		return new Base32().encodeAsString(secret).replace("=", "").toUpperCase(Locale.ROOT);
	}

}
