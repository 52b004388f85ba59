package io.stepwise.curriculum;

import java.time.Instant;

/**
 * One row of the sitemap query: a curriculum with one of its live weeks, or with none.
 *
 * @param updatedAt when the curriculum last changed, or {@code null} if never recorded
 * @param week the week's number, or {@code null} for a curriculum without weeks
 */
record SitemapEntry(String slug, Instant updatedAt, Integer week) {
}
