package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;

/**
 * Everything stored for one curriculum as the entities to revise, read in one statement
 * per kind of content, and the draft it amounts to: the curriculum as a document would
 * give it, with Markdown kept as its source.
 */
final class StoredContent {

	final Curriculum curriculum;

	final List<Phase> phases;

	/** The live weeks, in their order. */
	final List<Week> weeks;

	/** Weeks kept only for learners' history: never matched, numbered or exported. */
	final List<Week> archivedWeeks;

	/** The items learners see, by week id, in position order. */
	final Map<Long, List<CurriculumItem>> items;

	final List<CurriculumSection> sections;

	final Map<Long, List<Resource>> weekResources = new LinkedHashMap<>();

	final Map<Long, List<Resource>> sectionResources = new LinkedHashMap<>();

	final List<Reference> references;

	private final Map<String, List<Integer>> citations = new HashMap<>();

	private StoredContent(CurriculumRepository repository, Curriculum curriculum) {
		long id = curriculum.getId();
		this.curriculum = curriculum;
		this.phases = repository.findPhasesOf(id);
		this.weeks = repository.findWeeksOf(id);
		this.archivedWeeks = repository.findArchivedWeeksOf(id);
		this.items = repository.findItemsOf(id)
			.stream()
			.collect(Collectors.groupingBy((item) -> item.getWeek().getId(), LinkedHashMap::new, Collectors.toList()));
		this.sections = repository.findSectionsOf(id);
		for (Resource resource : repository.findResourcesOf(id)) {
			if (resource.getWeek() != null) {
				this.weekResources.computeIfAbsent(resource.getWeek().getId(), (k) -> new ArrayList<>()).add(resource);
			}
			else {
				this.sectionResources.computeIfAbsent(resource.getSection().getId(), (k) -> new ArrayList<>())
					.add(resource);
			}
		}
		this.references = repository.findReferencesOf(id);
		for (Object[] row : repository.findCitations(List.of(id))) {
			this.citations.computeIfAbsent(row[0] + ":" + ((Number) row[1]).longValue(), (k) -> new ArrayList<>())
				.add(((Number) row[3]).intValue());
		}
	}

	static StoredContent of(CurriculumRepository repository, Curriculum curriculum) {
		return new StoredContent(repository, curriculum);
	}

	List<CurriculumItem> itemsOf(Week week) {
		return this.items.getOrDefault(week.getId(), List.of());
	}

	List<Resource> resourcesOf(Week week) {
		return this.weekResources.getOrDefault(week.getId(), List.of());
	}

	List<Resource> resourcesOf(CurriculumSection section) {
		return this.sectionResources.getOrDefault(section.getId(), List.of());
	}

	List<Integer> citationsOf(Week week) {
		return citations("W", week.getId());
	}

	List<Integer> citationsOf(CurriculumItem item) {
		return citations("I", item.getId());
	}

	List<Integer> citationsOf(Resource resource) {
		return citations("R", resource.getId());
	}

	List<Integer> citationsOf(CurriculumSection section) {
		return citations("S", section.getId());
	}

	Map<Integer, Reference> referencesByNumber() {
		return this.references.stream().collect(Collectors.toMap(Reference::getNumber, Function.identity()));
	}

	private List<Integer> citations(String kind, long ownerId) {
		return List.copyOf(this.citations.getOrDefault(kind + ":" + ownerId, List.of()));
	}

	CurriculumDraft draft() {
		Map<Long, List<Week>> weeksByPhase = this.weeks.stream()
			.collect(Collectors.groupingBy((week) -> week.getPhase().getId(), LinkedHashMap::new, Collectors.toList()));
		List<PhaseDraft> phases = this.phases.stream()
			.map((phase) -> new PhaseDraft(phase.getTitle(), phase.getGoal(), phase.getMonths(),
					weeksByPhase.getOrDefault(phase.getId(), List.of()).stream().map(this::weekDraft).toList()))
			.toList();
		List<SectionDraft> sections = this.sections.stream()
			.map((section) -> new SectionDraft(section.getPart(), section.getTitle(), section.getKind(),
					citationsOf(section), section.getBody(),
					resourcesOf(section).stream().map(this::resourceDraft).toList()))
			.toList();
		List<ReferenceDraft> references = this.references.stream()
			.map((reference) -> new ReferenceDraft(reference.getNumber(), reference.getUrl()))
			.toList();
		return new CurriculumDraft(this.curriculum.getSlug(), this.curriculum.getTitle(), this.curriculum.getIntro(),
				List.copyOf(this.curriculum.getGuidelines()), phases, sections, references,
				this.curriculum.getPlannedWeeks(), this.curriculum.getShape());
	}

	WeekDraft weekDraft(Week week) {
		List<CurriculumItem> items = itemsOf(week);
		List<SkillDraft> skills = items.stream()
			.filter(Skill.class::isInstance)
			.map((skill) -> new SkillDraft(skill.getTitle(), skill.getDescription(), citationsOf(skill)))
			.toList();
		List<String> tasks = items.stream()
			.filter(ProjectTask.class::isInstance)
			.map(CurriculumItem::getTitle)
			.toList();
		return new WeekDraft(week.getNumber(), week.getTitle(), citationsOf(week), skills,
				resourcesOf(week).stream().map(this::resourceDraft).toList(), tasks);
	}

	ResourceDraft resourceDraft(Resource resource) {
		return new ResourceDraft(resource.getTitle(), resource.getUrl(), resource.getKind(), resource.getDescription(),
				citationsOf(resource));
	}

}
