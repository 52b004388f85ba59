package io.stepwise.account;

/**
 * What an admin changes on an account: its role, whether it may log in, or both.
 *
 * @param role the new role; null keeps the current one
 * @param enabled whether the account may log in; null keeps the current state
 */
record ChangeAccount(String username, Role role, Boolean enabled) {

	/** Whether the change could take an admin away: a demotion or a disable. */
	boolean couldRemoveAnAdmin() {
		return (this.role != null && this.role != Role.ADMIN) || Boolean.FALSE.equals(this.enabled);
	}

}
