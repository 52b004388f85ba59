package io.stepwise.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.codec.binary.Base32;
import org.apache.commons.codec.binary.Hex;

/**
 * Codes for a login without the phone: ten at a time, each good for one login. They are
 * random (50 bits each) and shown only once; the database keeps their SHA-256, which for
 * random codes of this length is as good as a slow password hash and much cheaper.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			byte[] bytes = new byte[7];
			RANDOM.nextBytes(bytes);
			String code = new Base32().encodeAsString(bytes).substring(0, LENGTH).toLowerCase(Locale.ROOT);
			codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
		}
		return codes;
	}

	/** Case, spaces and dashes do not matter, as they are easy to get wrong. */
	static String hash(String code) {
		String normal = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		try {
			return Hex
				.encodeHexString(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
