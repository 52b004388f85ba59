package io.stepwise.curriculum;

import java.time.Instant;

/**
 * Which state of a curriculum is stored now: its version moves up with every edit and
 * import, so a tree or page cached under a stamp is current as long as the stamp is.
 */
record CurriculumStamp(long id, long version, Instant updatedAt) {

}
