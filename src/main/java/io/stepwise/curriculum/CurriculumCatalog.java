package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stepwise.curriculum.CurriculumCaches.TreeKey;
import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.ReferenceView;
import io.stepwise.curriculum.CurriculumTree.ResourceView;
import io.stepwise.curriculum.CurriculumTree.SectionView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads curricula for pages and the API. A tree is assembled from one statement per kind
 * of content, so its cost in statements does not grow with the curriculum, nor with the
 * number of curricula read together. Assembled trees are kept by version
 * ({@link CurriculumCaches}): a read checks the stored versions in one statement and
 * assembles only the trees that changed since.
 */
@Service
@Transactional(readOnly = true)
public class CurriculumCatalog {

	private final CurriculumRepository repository;

	private final ContentRenderer renderer;

	private final CurriculumCaches caches;

	CurriculumCatalog(CurriculumRepository repository, ContentRenderer renderer, CurriculumCaches caches) {
		this.repository = repository;
		this.renderer = renderer;
		this.caches = caches;
	}

	public List<CurriculumSummary> summaries() {
		return this.repository.findSummaries();
	}

	/**
	 * Slug and title of each of the given curricula, by id, in one statement: for lists
	 * that name curricula without showing their content.
	 */
	public Map<Long, CurriculumName> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.repository.findNames(ids)
			.stream()
			.collect(Collectors.toMap(CurriculumName::id, Function.identity()));
	}

	public Optional<Long> idOf(String slug) {
		return this.repository.findIdBySlug(slug);
	}

	public Optional<CurriculumTree> tree(String slug) {
		return this.repository.findStampBySlug(slug).flatMap(this::tree);
	}

	/** The tree at the stamp just read, or newer: content is read after the stamp. */
	Optional<CurriculumTree> tree(CurriculumStamp stamp) {
		return Optional
			.ofNullable(this.caches.trees().get(TreeKey.of(stamp), (key) -> assemble(List.of(key.id())).get(key.id())));
	}

	/**
	 * The trees of the given curricula, in the order of the ids; unknown ids are skipped.
	 */
	public List<CurriculumTree> trees(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, TreeKey> keys = this.repository.findStamps(ids)
			.stream()
			.collect(Collectors.toMap(CurriculumStamp::id, TreeKey::of));
		Map<TreeKey, CurriculumTree> found = this.caches.trees().getAll(keys.values(), (missing) -> {
			Map<Long, CurriculumTree> assembled = assemble(missing.stream().map(TreeKey::id).toList());
			Map<TreeKey, CurriculumTree> loaded = new HashMap<>();
			missing.stream()
				.filter((key) -> assembled.containsKey(key.id()))
				.forEach((key) -> loaded.put(key, assembled.get(key.id())));
			return loaded;
		});
		return ids.stream().map(keys::get).filter(Objects::nonNull).map(found::get).filter(Objects::nonNull).toList();
	}

	private Map<Long, CurriculumTree> assemble(Collection<Long> ids) {
		Map<Long, Curriculum> curricula = this.repository.findWithGuidelines(ids)
			.stream()
			.collect(Collectors.toMap(Curriculum::getId, Function.identity()));
		Content content = new Content(this.repository, ids);
		Map<Long, CurriculumTree> trees = new HashMap<>();
		curricula.forEach((id, curriculum) -> trees.put(id, assemble(curriculum, content)));
		return trees;
	}

	private CurriculumTree assemble(Curriculum curriculum, Content content) {
		long id = curriculum.getId();
		List<ReferenceView> references = content.references.getOrDefault(id, List.of())
			.stream()
			.map((reference) -> new ReferenceView(reference.getNumber(), WebLinks.safeOrNull(reference.getUrl())))
			.toList();
		Set<Integer> numbers = references.stream().map(ReferenceView::number).collect(Collectors.toSet());
		List<PhaseView> phases = content.phases.getOrDefault(id, List.of())
			.stream()
			.map((phase) -> new PhaseView(phase.getId(), phase.getPosition(), phase.getTitle(), phase.getGoal(),
					phase.getMonths(), weeksOf(phase, content)))
			.toList();
		List<SectionView> sections = content.sections.getOrDefault(id, List.of())
			.stream()
			.map((section) -> new SectionView(section.getId(), section.getPart(), section.getTitle(), section.getKind(),
					content.citations("S", section.getId()), this.renderer.block(section.getBody(), numbers),
					content.resourcesOfSection.getOrDefault(section.getId(), List.of())))
			.toList();
		List<String> guidelines = curriculum.getGuidelines()
			.stream()
			.map((guideline) -> this.renderer.inline(guideline, numbers))
			.toList();
		return new CurriculumTree(id, curriculum.getSlug(), curriculum.getTitle(),
				this.renderer.intro(curriculum.getIntro(), numbers), guidelines, curriculum.getPlannedWeeks(), phases,
				sections, references);
	}

	private static List<WeekView> weeksOf(Phase phase, Content content) {
		return content.weeks.getOrDefault(phase.getId(), List.of()).stream().map((week) -> {
			List<CurriculumItem> items = content.items.getOrDefault(week.getId(), List.of());
			List<SkillView> skills = items.stream()
				.filter(Skill.class::isInstance)
				.map((item) -> new SkillView(item.getId(), item.getTitle(), item.getDescription(),
						content.citations("I", item.getId()), item.getCreatedAt()))
				.toList();
			List<TaskView> tasks = items.stream()
				.filter(ProjectTask.class::isInstance)
				.map((item) -> new TaskView(item.getId(), item.getPosition(), item.getTitle(), item.getCreatedAt()))
				.toList();
			return new WeekView(week.getId(), week.getNumber(), week.getTitle(), phase.getId(),
					content.citations("W", week.getId()), skills,
					content.resourcesOfWeek.getOrDefault(week.getId(), List.of()), tasks, week.getCreatedAt());
		}).toList();
	}

	/** Everything below the curriculum rows, fetched once and grouped by owner. */
	private static final class Content {

		final Map<Long, List<Phase>> phases;

		final Map<Long, List<Week>> weeks;

		final Map<Long, List<CurriculumItem>> items;

		final Map<Long, List<CurriculumSection>> sections;

		final Map<Long, List<Reference>> references;

		final Map<String, List<Integer>> citationsByOwner = new HashMap<>();

		final Map<Long, List<ResourceView>> resourcesOfWeek = new LinkedHashMap<>();

		final Map<Long, List<ResourceView>> resourcesOfSection = new LinkedHashMap<>();

		Content(CurriculumRepository repository, Collection<Long> ids) {
			this.phases = group(repository.findPhases(ids), (phase) -> phase.getCurriculumId());
			this.weeks = group(repository.findWeeks(ids), (week) -> week.getPhase().getId());
			this.items = group(repository.findItems(ids), (item) -> item.getWeek().getId());
			this.sections = group(repository.findSections(ids), (section) -> section.getCurriculum().getId());
			this.references = group(repository.findReferences(ids), (reference) -> reference.getCurriculumId());
			for (Object[] row : repository.findCitations(ids)) {
				String key = row[0] + ":" + ((Number) row[1]).longValue();
				this.citationsByOwner.computeIfAbsent(key, (k) -> new ArrayList<>()).add(((Number) row[3]).intValue());
			}
			for (Resource resource : repository.findResources(ids)) {
				ResourceView view = new ResourceView(resource.getId(), resource.getTitle(),
						WebLinks.safeOrNull(resource.getUrl()), resource.getKind(), resource.getDescription(),
						citations("R", resource.getId()));
				if (resource.getWeek() != null) {
					this.resourcesOfWeek.computeIfAbsent(resource.getWeek().getId(), (k) -> new ArrayList<>())
						.add(view);
				}
				else {
					this.resourcesOfSection.computeIfAbsent(resource.getSection().getId(), (k) -> new ArrayList<>())
						.add(view);
				}
			}
		}

		List<Integer> citations(String kind, long ownerId) {
			return List.copyOf(this.citationsByOwner.getOrDefault(kind + ":" + ownerId, List.of()));
		}

		private static <T> Map<Long, List<T>> group(List<T> rows, Function<T, Long> key) {
			return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
		}

	}

}
