package io.stepwise.account;

/** The two-factor bursts on the embedded H2. */
class TwoFactorConcurrencyTest extends TwoFactorConcurrencyChecks {

}
