package io.stepwise.curriculum;

/**
 * A curriculum was stored from a source document. Published for the modules that keep
 * something derived from curricula (caches, the audit log).
 */
public record CurriculumImported(long curriculumId, String slug) {
}
