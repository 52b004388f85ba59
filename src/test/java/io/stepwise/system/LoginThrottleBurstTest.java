package io.stepwise.system;

/** The throttle's burst checks on the embedded H2 database. */
class LoginThrottleBurstTest extends LoginThrottleChecks {

}
