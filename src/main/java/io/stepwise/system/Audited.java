package io.stepwise.system;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Something an admin (or the system) changed, published by the module that changed it and
 * recorded by the audit log in the same transaction.
 *
 * @param actorId the account that made the change, or null for the portal itself
 * @param actorName their username, kept as it was then
 * @param area what kind of thing changed: {@code curriculum}, {@code cohort},
 * {@code account}
 * @param action what was done, in the area's words: {@code task-edited},
 * {@code import-applied}
 * @param subject what it was done to, readable: a slug, a week, a username
 * @param before its state before, as text a person can read; null when it is new
 * @param after its state after; null when it is gone
 */
public record Audited(Long actorId, String actorName, String area, String action, String subject, String before,
		String after) {

	/** A change made by whoever is logged in on this thread, or by the portal itself. */
	public static Audited byCurrentUser(String area, String action, String subject, String before, String after) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Identified principal)) {
			return new Audited(null, null, area, action, subject, before, after);
		}
		return new Audited(principal.id(), authentication.getName(), area, action, subject, before, after);
	}

}
