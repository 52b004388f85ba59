package io.stepwise.account;

import io.stepwise.system.PlainText;

/**
 * The search of the user list, from its query string; values that make no sense are
 * dropped rather than refused, so an edited link still opens the list.
 *
 * @param text words in the username, email or display name, or null for everyone
 * @param page 1-based
 */
record UserSearch(String text, int page) {

	static final int MAX_TEXT = 100;

	static UserSearch of(String text, String page) {
		// Control characters match no account, and PostgreSQL refuses a NUL outright.
		String stripped = (text != null && PlainText.Validator.isClean(text, false)) ? text.strip() : "";
		return new UserSearch(stripped.isEmpty() ? null : stripped.substring(0, Math.min(stripped.length(), MAX_TEXT)),
				(page != null && page.matches("\\d{1,6}") && Integer.parseInt(page) > 0) ? Integer.parseInt(page) : 1);
	}

}
