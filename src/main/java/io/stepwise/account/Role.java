package io.stepwise.account;

/** Roles nest: an admin is also a mentor, a mentor is also a learner. */
public enum Role {

	LEARNER, MENTOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
