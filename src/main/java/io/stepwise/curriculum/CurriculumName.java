package io.stepwise.curriculum;

/** How other modules name a curriculum they refer to by id. */
public record CurriculumName(long id, String slug, String title) {
}
