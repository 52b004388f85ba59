package io.stepwise.progress;

/** The concurrency checks on the embedded H2. */
class ProgressConcurrencyTest extends ProgressConcurrencyChecks {

}
