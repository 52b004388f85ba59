package io.stepwise.account;

/**
 * What other modules may know of an account: who it is and what it may do, never its
 * password.
 */
public record Member(long id, String username, String displayName, String email, Role role, boolean enabled) {

	/**
	 * Whether the account may act as a mentor now: a mentor or an admin, not disabled.
	 */
	public boolean canMentor() {
		return this.enabled && this.role != Role.LEARNER;
	}

	public boolean isAdmin() {
		return this.enabled && this.role == Role.ADMIN;
	}

}
