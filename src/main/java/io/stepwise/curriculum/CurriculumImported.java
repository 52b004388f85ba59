package io.stepwise.curriculum;

/** A curriculum was stored from a source document. */
public record CurriculumImported(long curriculumId, String slug) {
}
