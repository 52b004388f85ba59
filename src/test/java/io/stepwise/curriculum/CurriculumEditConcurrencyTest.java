package io.stepwise.curriculum;

/** The concurrency checks of curriculum editing on the embedded H2. */
class CurriculumEditConcurrencyTest extends CurriculumEditConcurrencyChecks {

}
