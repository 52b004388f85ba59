package io.stepwise.account;

import java.security.SecureRandom;

/**
 * Passwords the portal makes up: 20 letters and digits (about 117 bits), without the ones
 * easily misread (0 and O, 1, l and I), as they are read off a screen and typed.
 */
final class RandomPasswords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomPasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
