package io.stepwise.demo;

/** A demo account as it was made, with the password that is shown once. */
record DemoAccount(String username, String displayName, boolean mentor, String password) {
}
