package io.stepwise.curriculum;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable snapshot of one curriculum, as pages and the API show it. Markdown fields
 * come pre-rendered as safe HTML ({@code ...Html}); everything else is plain text for the
 * template engine to escape.
 */
public record CurriculumTree(long id, String slug, String title, String introHtml, List<String> guidelinesHtml,
		int plannedWeeks, List<PhaseView> phases, List<SectionView> sections, List<ReferenceView> references) {

	public List<WeekView> weeks() {
		return this.phases.stream().flatMap((phase) -> phase.weeks().stream()).toList();
	}

	public Optional<WeekView> week(int number) {
		return weeks().stream().filter((week) -> week.number() == number).findFirst();
	}

	/** The week an item (skill or task) is in, if it is in this curriculum. */
	public Optional<WeekView> weekOf(long itemId) {
		return weeks().stream().filter((week) -> week.itemIds().contains(itemId)).findFirst();
	}

	public int weekCount() {
		return this.phases.stream().mapToInt((phase) -> phase.weeks().size()).sum();
	}

	public Optional<PhaseView> phaseOf(WeekView week) {
		return this.phases.stream().filter((phase) -> phase.id() == week.phaseId()).findFirst();
	}

	public Optional<ReferenceView> reference(int number) {
		return this.references.stream().filter((reference) -> reference.number() == number).findFirst();
	}

	public List<SectionView> resourceSections() {
		return this.sections.stream().filter((section) -> section.kind() == SectionKind.RESOURCES).toList();
	}

	public List<SectionView> infoSections() {
		return this.sections.stream().filter((section) -> section.kind() == SectionKind.INFO).toList();
	}

	public record PhaseView(long id, int position, String title, String goal, MonthSpan months, List<WeekView> weeks) {
	}

	/**
	 * @param title empty when the source gives none; pages then show "Week N"
	 * @param createdAt when the week was stored; items created later were added to it
	 */
	public record WeekView(long id, int number, String title, long phaseId, List<Integer> citations,
			List<SkillView> skills, List<ResourceView> resources, List<TaskView> tasks, Instant createdAt) {

		/** Whether an item was added to the week after the week itself was stored. */
		public boolean addedLater(Instant itemCreatedAt) {
			return this.createdAt != null && itemCreatedAt.isAfter(this.createdAt);
		}

		public boolean hasTitle() {
			return !this.title.isEmpty();
		}

		public Optional<TaskView> task(long itemId) {
			return this.tasks.stream().filter((task) -> task.id() == itemId).findFirst();
		}

		/** Ids of everything a learner can check off in this week. */
		public List<Long> itemIds() {
			return Stream.concat(this.skills.stream().map(SkillView::id), this.tasks.stream().map(TaskView::id))
				.toList();
		}

	}

	public record SkillView(long id, String name, String description, List<Integer> citations, Instant createdAt) {
	}

	public record TaskView(long id, int position, String text, Instant createdAt) {
	}

	/**
	 * @param url a safe http(s) URL, or {@code null}
	 */
	public record ResourceView(long id, String title, String url, ResourceKind kind, String description,
			List<Integer> citations) {
	}

	public record SectionView(long id, String part, String title, SectionKind kind, List<Integer> citations,
			String bodyHtml, List<ResourceView> resources) {
	}

	/**
	 * @param url a safe http(s) URL, or {@code null} when the stored one is not
	 */
	public record ReferenceView(int number, String url) {

		/** The URL without its scheme, easier to read in a list. */
		public String label() {
			return (this.url != null) ? this.url.replaceFirst("^https?://(www\\.)?", "") : "";
		}

	}

}
