package io.stepwise.account;

/**
 * A temporary password that was set.
 *
 * @param generated the password the portal generated, to be shown to the admin once; null
 * when the admin chose it
 */
record TemporaryPassword(AdminUserView user, String generated) {
}
