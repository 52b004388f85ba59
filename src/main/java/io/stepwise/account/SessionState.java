package io.stepwise.account;

/**
 * What a session is checked against on every request, read in one statement.
 *
 * @param sessionEpoch see {@link Account}: a session from an older epoch is over
 */
record SessionState(boolean enabled, Role role, long sessionEpoch, boolean mustChangePassword,
		boolean twoFactorEnabled) {
}
