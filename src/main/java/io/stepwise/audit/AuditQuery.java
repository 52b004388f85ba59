package io.stepwise.audit;

import java.util.Set;

/**
 * Filters of the audit page, from its query string; values that make no sense are dropped
 * rather than refused, so an edited link still opens the log.
 *
 * @param area one of {@link #AREAS}, or null for all
 * @param actor a username, or null
 * @param text words in the subject or action, or null
 * @param page 1-based
 */
record AuditQuery(String area, String actor, String text, int page) {

	static final Set<String> AREAS = Set.of("curriculum", "cohort", "account");

	static AuditQuery of(String area, String actor, String text, String page) {
		return new AuditQuery((area != null && AREAS.contains(area)) ? area : null, blankToNull(actor, 32),
				blankToNull(text, 100),
				(page != null && page.matches("\\d{1,6}") && Integer.parseInt(page) > 0) ? Integer.parseInt(page) : 1);
	}

	private static String blankToNull(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

}
