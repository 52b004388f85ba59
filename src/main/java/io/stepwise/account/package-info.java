/**
 * Accounts: sign-up, roles, passwords and the first administrator; what admins change on
 * accounts, and the check of every session against its account.
 */
package io.stepwise.account;
