package io.stepwise.curriculum;

/** What a list of curricula shows about each one. */
public record CurriculumSummary(String slug, String title, int plannedWeeks, long phases, long weeks, long skills,
		long tasks, long resources, long references) {
}
