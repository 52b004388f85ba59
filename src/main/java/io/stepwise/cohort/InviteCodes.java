package io.stepwise.cohort;

import java.security.SecureRandom;

/**
 * Invite codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about
 * 56 bits, so they can be read out in a class and not guessed.
 */
final class InviteCodes {

	static final int LENGTH = 10;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private InviteCodes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * Whether the text could be a code at all, so that junk is refused without a query.
	 */
	static boolean isWellFormed(String code) {
		return code != null && code.length() == LENGTH && code.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0);
	}

}
