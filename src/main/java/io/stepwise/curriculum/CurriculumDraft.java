package io.stepwise.curriculum;

import java.util.List;
import java.util.Objects;

/**
 * A curriculum as read from a source document, before it is stored. Produced by the
 * Markdown importer and handed to {@link CurriculumLibrary}; lists are in document order.
 *
 * @param slug URL name, unique among curricula
 * @param title the document title
 * @param intro Markdown shown above the curriculum, may be empty
 * @param guidelines Markdown one-liners on how to follow the curriculum
 * @param phases the phases with their weeks, in the order learners take them
 * @param sections curriculum-level sections: resource groups and informational text
 * @param references the numbered references that citations point to
 * @param plannedWeeks calendar weeks the curriculum is meant to take, for pacing
 * @param shape the shape of the document, which an export writes again
 */
public record CurriculumDraft(String slug, String title, String intro, List<String> guidelines, List<PhaseDraft> phases,
		List<SectionDraft> sections, List<ReferenceDraft> references, int plannedWeeks, CurriculumShape shape) {

	public CurriculumDraft {
		guidelines = List.copyOf(guidelines);
		phases = List.copyOf(phases);
		sections = List.copyOf(sections);
		references = List.copyOf(references);
		Objects.requireNonNull(shape, "shape");
	}

	/** A draft made in code rather than read from a document: exported as a syllabus. */
	public CurriculumDraft(String slug, String title, String intro, List<String> guidelines, List<PhaseDraft> phases,
			List<SectionDraft> sections, List<ReferenceDraft> references, int plannedWeeks) {
		this(slug, title, intro, guidelines, phases, sections, references, plannedWeeks, CurriculumShape.SYLLABUS);
	}

	/**
	 * @param months the month span, e.g. 2-3
	 * @param goal the phase goal or summary, may be empty
	 */
	public record PhaseDraft(String title, String goal, MonthSpan months, List<WeekDraft> weeks) {

		public PhaseDraft {
			weeks = List.copyOf(weeks);
		}

	}

	/**
	 * @param number 1..N within the curriculum, in the order learners take the weeks
	 * @param title may be empty when the document gives none (a syllabus table row)
	 * @param citations reference numbers cited on the week's heading
	 */
	public record WeekDraft(int number, String title, List<Integer> citations, List<SkillDraft> skills,
			List<ResourceDraft> resources, List<String> tasks) {

		public WeekDraft {
			citations = List.copyOf(citations);
			skills = List.copyOf(skills);
			resources = List.copyOf(resources);
			tasks = List.copyOf(tasks);
		}

	}

	/**
	 * @param description may be empty
	 */
	public record SkillDraft(String name, String description, List<Integer> citations) {

		public SkillDraft {
			citations = List.copyOf(citations);
		}

	}

	/**
	 * @param url an http(s) URL, or {@code null} when the document names the resource
	 * without a link
	 * @param description may be empty
	 */
	public record ResourceDraft(String title, String url, ResourceKind kind, String description,
			List<Integer> citations) {

		public ResourceDraft {
			citations = List.copyOf(citations);
		}

	}

	/**
	 * A curriculum-level section outside the weeks.
	 *
	 * @param part the heading the section sits under (e.g. "Essential Tools and
	 * Resources"), or the section's own title when it stands alone
	 * @param body Markdown text of an {@link SectionKind#INFO} section, empty for
	 * resources
	 * @param citations the reference numbers cited on the section's heading (and on the
	 * heading it sits under); markers in an informational body stay in its text, those on
	 * resources with the resources
	 * @param resources the resources of a {@link SectionKind#RESOURCES} section
	 */
	public record SectionDraft(String part, String title, SectionKind kind, List<Integer> citations, String body,
			List<ResourceDraft> resources) {

		public SectionDraft {
			citations = List.copyOf(citations);
			resources = List.copyOf(resources);
		}

	}

	public record ReferenceDraft(int number, String url) {
	}

}
