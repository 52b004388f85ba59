/** Accounts: sign-up, roles, passwords and the first administrator. */
package io.stepwise.account;
