package io.stepwise.account;

import java.time.Instant;

/** An account as the admin pages and the admin API show it: never its password. */
record AdminUserView(String username, String displayName, String email, Role role, boolean enabled,
		boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt) {

	static AdminUserView of(Account account) {
		return new AdminUserView(account.getUsername(), account.getDisplayName(), account.getEmail(), account.getRole(),
				account.isEnabled(), account.mustChangePassword(), account.getCreatedAt(),
				account.getPasswordChangedAt());
	}

}
