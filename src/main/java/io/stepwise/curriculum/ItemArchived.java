package io.stepwise.curriculum;

/**
 * An admin removed a skill or project task from a week. The item is archived: learners'
 * check-offs of it stay, and the week no longer needs it. Published inside the
 * transaction of the edit, after the change is visible to the curriculum's readers, for
 * the modules that keep something that depends on what a week needs.
 */
public record ItemArchived(long curriculumId, long weekId, long itemId) {
}
