package io.stepwise.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import io.stepwise.curriculum.CurriculumChanges.Change;
import io.stepwise.curriculum.CurriculumChanges.Kind;
import io.stepwise.curriculum.CurriculumChanges.OtherChange;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ReferenceDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.ItemMatcher.Fate;
import io.stepwise.curriculum.ItemMatcher.Incoming;
import io.stepwise.curriculum.ItemMatcher.Match;
import io.stepwise.curriculum.ItemMatcher.Pairing;
import io.stepwise.curriculum.ItemMatcher.Stored;

/**
 * A new version of a curriculum's document held against the stored curriculum: what it
 * changes, and the change itself. Progress is never taken away: items keep their ids
 * wherever {@link ItemMatcher} finds them, new items are stored as new (learners who
 * finished their week see them as added since), removed items are archived with their
 * check-offs, and weeks are never removed.
 */
final class Revision {

	private final StoredContent stored;

	private final CurriculumDraft draft;

	private final Map<Integer, Week> storedWeeks;

	private final Map<Long, CurriculumItem> storedItems;

	/** The new document's weeks in order, with the index of their phase. */
	private final List<PlacedWeek> weeks = new ArrayList<>();

	/** The new document's items, in the order the matcher was given them. */
	private final List<IncomingItem> incoming = new ArrayList<>();

	private final Match match;

	private Revision(StoredContent stored, CurriculumDraft draft) {
		this.stored = stored;
		this.draft = draft;
		this.storedWeeks = stored.weeks.stream().collect(Collectors.toMap(Week::getNumber, Function.identity()));
		this.storedItems = stored.items.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.toMap(CurriculumItem::getId, Function.identity()));
		List<Stored> storedList = new ArrayList<>();
		for (Week week : stored.weeks) {
			for (CurriculumItem item : stored.itemsOf(week)) {
				storedList.add(new Stored(item.getId(), kindOf(item), week.getNumber(), item.getTitle()));
			}
		}
		for (int p = 0; p < draft.phases().size(); p++) {
			for (WeekDraft week : draft.phases().get(p).weeks()) {
				this.weeks.add(new PlacedWeek(p, week));
				for (SkillDraft skill : week.skills()) {
					this.incoming.add(new IncomingItem(Kind.SKILL, week.number(), skill.name(), skill.description(),
							skill.citations()));
				}
				for (String task : week.tasks()) {
					this.incoming.add(new IncomingItem(Kind.TASK, week.number(), task, "", List.of()));
				}
			}
		}
		this.match = ItemMatcher.match(storedList,
				this.incoming.stream().map((item) -> new Incoming(item.kind(), item.week(), item.text())).toList());
	}

	/**
	 * @throws RevisionRefusedException if the document has fewer weeks than the
	 * curriculum: learners' progress refers to every week
	 */
	static Revision of(StoredContent stored, CurriculumDraft draft) {
		int weeks = draft.phases().stream().mapToInt((phase) -> phase.weeks().size()).sum();
		if (weeks < stored.weeks.size()) {
			throw new RevisionRefusedException("The document has " + weeks + " weeks and the curriculum "
					+ stored.weeks.size() + ". An import can add weeks but not remove them, because learners' "
					+ "progress refers to them: keep every week, or import the document under a new slug.");
		}
		return new Revision(stored, normalised(draft));
	}

	/** URLs as they are stored, so an unchanged link does not read as a change. */
	private static CurriculumDraft normalised(CurriculumDraft draft) {
		Function<ResourceDraft, ResourceDraft> resource = (r) -> new ResourceDraft(r.title(),
				WebLinks.requireHttp(r.url()), r.kind(), r.description(), r.citations());
		List<PhaseDraft> phases = draft.phases()
			.stream()
			.map((phase) -> new PhaseDraft(phase.title(), phase.goal(), phase.months(),
					phase.weeks()
						.stream()
						.map((week) -> new WeekDraft(week.number(), week.title(), week.citations(), week.skills(),
								week.resources().stream().map(resource).toList(), week.tasks()))
						.toList()))
			.toList();
		List<SectionDraft> sections = draft.sections()
			.stream()
			.map((section) -> new SectionDraft(section.part(), section.title(), section.kind(), section.citations(),
					section.body(), section.resources().stream().map(resource).toList()))
			.toList();
		List<ReferenceDraft> references = draft.references()
			.stream()
			.map((reference) -> new ReferenceDraft(reference.number(), WebLinks.requireHttp(reference.url())))
			.toList();
		return new CurriculumDraft(draft.slug(), draft.title(), draft.intro(), draft.guidelines(), phases, sections,
				references, draft.plannedWeeks(), draft.shape());
	}

	/** Stored items whose change a learner may feel: changed, moved and removed ones. */
	List<Long> touchedItemIds() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < this.incoming.size(); i++) {
			Pairing pairing = this.match.pairings().get(i);
			if (pairing.stored() != null && (pairing.fate() != Fate.SAME || attributesDiffer(i))) {
				ids.add(pairing.stored().id());
			}
		}
		this.match.removed().forEach((item) -> ids.add(item.id()));
		return ids;
	}

	CurriculumChanges changes(Map<Long, Integer> learnersByItem) {
		Function<Long, Integer> learners = (id) -> learnersByItem.getOrDefault(id, 0);
		List<Change> added = new ArrayList<>();
		List<Change> changed = new ArrayList<>();
		List<Change> removed = new ArrayList<>();
		List<Change> moved = new ArrayList<>();
		List<OtherChange> other = new ArrayList<>();
		Curriculum curriculum = this.stored.curriculum;
		CurriculumDraft before = this.stored.draft();

		otherIf(!curriculum.getTitle().equals(this.draft.title()), "title", this.draft.title(), other);
		otherIf(!curriculum.getIntro().equals(this.draft.intro()), "intro", "", other);
		otherIf(!before.guidelines().equals(this.draft.guidelines()), "guidelines", "", other);
		otherIf(curriculum.getPlannedWeeks() != this.draft.plannedWeeks(), "plannedWeeks",
				Integer.toString(this.draft.plannedWeeks()), other);
		otherIf(curriculum.getShape() != this.draft.shape(), "shape",
				this.draft.shape().name().toLowerCase(Locale.ROOT), other);
		for (int p = 0; p < Math.max(before.phases().size(), this.draft.phases().size()); p++) {
			if (p >= before.phases().size()) {
				other.add(new OtherChange("phaseAdded", this.draft.phases().get(p).title()));
			}
			else if (p >= this.draft.phases().size()) {
				other.add(new OtherChange("phaseRemoved", before.phases().get(p).title()));
			}
			else {
				PhaseDraft was = before.phases().get(p);
				PhaseDraft is = this.draft.phases().get(p);
				otherIf(!was.title().equals(is.title()) || !was.goal().equals(is.goal())
						|| !was.months().equals(is.months()), "phaseChanged", is.title(), other);
			}
		}

		for (PlacedWeek placed : this.weeks) {
			WeekDraft week = placed.week();
			Week stored = this.storedWeeks.get(week.number());
			String number = Integer.toString(week.number());
			if (stored == null) {
				added.add(new Change(Kind.WEEK, null, week.number(), week.title(), null, null, null));
				continue;
			}
			if (!stored.getTitle().equals(week.title())) {
				changed.add(new Change(Kind.WEEK, stored.getId(), week.number(), week.title(), stored.getTitle(), null,
						null));
			}
			otherIf(stored.getPhase().getPosition() != placed.phase() + 1, "weekPhase", number, other);
			otherIf(!this.stored.citationsOf(stored).equals(week.citations()), "weekCitations", number, other);
			otherIf(!resourceDrafts(this.stored.resourcesOf(stored)).equals(week.resources()), "weekResources", number,
					other);
		}

		Set<Integer> reordered = new TreeSet<>();
		Map<Integer, Map<Kind, Integer>> lastPosition = new HashMap<>();
		for (int i = 0; i < this.incoming.size(); i++) {
			IncomingItem item = this.incoming.get(i);
			Pairing pairing = this.match.pairings().get(i);
			Stored was = pairing.stored();
			switch (pairing.fate()) {
				case ADDED -> added.add(new Change(item.kind(), null, item.week(), item.text(), null, null, null));
				case MOVED -> moved.add(new Change(item.kind(), was.id(), item.week(), item.text(), null, was.week(),
						learners.apply(was.id())));
				case CHANGED -> changed.add(new Change(item.kind(), was.id(), item.week(), item.text(), was.text(),
						null, learners.apply(was.id())));
				case SAME -> {
					if (attributesDiffer(i)) {
						changed.add(new Change(item.kind(), was.id(), item.week(), item.text(), was.text(), null,
								learners.apply(was.id())));
					}
				}
			}
			if (pairing.fate() == Fate.SAME || pairing.fate() == Fate.CHANGED) {
				int position = this.storedItems.get(was.id()).getPosition();
				Map<Kind, Integer> last = lastPosition.computeIfAbsent(item.week(), (w) -> new EnumMap<>(Kind.class));
				if (last.getOrDefault(item.kind(), 0) > position) {
					reordered.add(item.week());
				}
				last.put(item.kind(), position);
			}
		}
		reordered.forEach((week) -> other.add(new OtherChange("weekOrder", Integer.toString(week))));
		for (Stored item : this.match.removed()) {
			removed.add(new Change(item.kind(), item.id(), item.week(), item.text(), null, null,
					learners.apply(item.id())));
		}

		for (int s = 0; s < Math.max(before.sections().size(), this.draft.sections().size()); s++) {
			if (s >= before.sections().size()) {
				other.add(new OtherChange("sectionAdded", this.draft.sections().get(s).title()));
			}
			else if (s >= this.draft.sections().size()) {
				other.add(new OtherChange("sectionRemoved", before.sections().get(s).title()));
			}
			else {
				otherIf(!before.sections().get(s).equals(this.draft.sections().get(s)), "sectionChanged",
						this.draft.sections().get(s).title(), other);
			}
		}
		Map<Integer, String> was = before.references()
			.stream()
			.collect(Collectors.toMap(ReferenceDraft::number, ReferenceDraft::url));
		Map<Integer, String> is = this.draft.references()
			.stream()
			.collect(Collectors.toMap(ReferenceDraft::number, ReferenceDraft::url));
		numbers("referencesAdded", is.keySet().stream().filter((n) -> !was.containsKey(n)).toList(), other);
		numbers("referencesChanged",
				is.keySet().stream().filter((n) -> was.containsKey(n) && !was.get(n).equals(is.get(n))).toList(),
				other);
		numbers("referencesRemoved", was.keySet().stream().filter((n) -> !is.containsKey(n)).toList(), other);
		return new CurriculumChanges(added, changed, removed, moved, other);
	}

	/** Whether a skill found by its text has a new description or new citations. */
	private boolean attributesDiffer(int index) {
		IncomingItem item = this.incoming.get(index);
		CurriculumItem stored = this.storedItems.get(this.match.pairings().get(index).stored().id());
		return !stored.getDescription().equals(item.description())
				|| !this.stored.citationsOf(stored).equals(item.citations());
	}

	private static void otherIf(boolean changed, String what, String subject, List<OtherChange> other) {
		if (changed) {
			other.add(new OtherChange(what, subject));
		}
	}

	private static void numbers(String what, List<Integer> numbers, List<OtherChange> other) {
		if (!numbers.isEmpty()) {
			other.add(new OtherChange(what,
					numbers.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
		}
	}

	private List<ResourceDraft> resourceDrafts(List<Resource> resources) {
		return resources.stream().map(this.stored::resourceDraft).toList();
	}

	/**
	 * Makes the stored curriculum what the document says, in the caller's transaction.
	 * New rows are persisted as they are made, parents first, so the flush has nothing to
	 * guess.
	 * @return the items archived, for the caller to announce once the change is written
	 */
	List<CurriculumItem> apply(Instant now, String sourceSha256, EntityManager entityManager) {
		Curriculum curriculum = this.stored.curriculum;
		// Every change to the curriculum's own row comes before the first flush, so its
		// version moves once.
		curriculum.edit(this.draft.title(), this.draft.intro(), this.draft.plannedWeeks());
		curriculum.takeDocument(this.draft.guidelines(), this.draft.shape(), sourceSha256);
		Map<Integer, Reference> references = new HashMap<>(this.stored.referencesByNumber());
		for (ReferenceDraft reference : this.draft.references()) {
			Reference existing = references.get(reference.number());
			if (existing == null) {
				Reference added = curriculum.addReference(reference.number(), reference.url());
				entityManager.persist(added);
				references.put(reference.number(), added);
			}
			else if (!existing.getUrl().equals(reference.url())) {
				existing.revise(reference.url());
			}
		}
		Set<Integer> kept = this.draft.references()
			.stream()
			.map(ReferenceDraft::number)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Function<List<Integer>, List<Reference>> cited = (numbers) -> numbers.stream()
			.map((number) -> Objects.requireNonNull(references.get(number), () -> "no reference " + number))
			.toList();

		List<Phase> phases = new ArrayList<>(this.stored.phases);
		for (int p = 0; p < this.draft.phases().size(); p++) {
			PhaseDraft phase = this.draft.phases().get(p);
			if (p < phases.size()) {
				phases.get(p).edit(phase.title(), phase.goal(), phase.months());
			}
			else {
				Phase added = curriculum.addPhase(phase.title(), phase.goal(), phase.months());
				entityManager.persist(added);
				phases.add(added);
			}
		}

		Map<Integer, Week> weeks = new HashMap<>(this.storedWeeks);
		for (PlacedWeek placed : this.weeks) {
			WeekDraft draft = placed.week();
			Phase phase = phases.get(placed.phase());
			Week week = weeks.get(draft.number());
			if (week == null) {
				week = phase.addWeek(draft.number(), draft.title(), now);
				week.cite(cited.apply(draft.citations()));
				entityManager.persist(week);
				weeks.put(draft.number(), week);
			}
			else {
				week.moveTo(phase);
				if (!week.getTitle().equals(draft.title())) {
					week.edit(draft.title());
				}
				if (!this.stored.citationsOf(week).equals(draft.citations())) {
					week.recite(cited.apply(draft.citations()));
				}
			}
			Week owner = week;
			reviseResources(this.stored.resourcesOf(owner), draft.resources(), cited, entityManager,
					(resource) -> owner.addResource(resource.title(), resource.url(), resource.kind(),
							resource.description(), cited.apply(resource.citations())),
					owner::removeResource);
		}

		Map<Integer, Map<Kind, Integer>> positions = new HashMap<>();
		for (int i = 0; i < this.incoming.size(); i++) {
			IncomingItem item = this.incoming.get(i);
			Pairing pairing = this.match.pairings().get(i);
			Week week = weeks.get(item.week());
			int position = positions.computeIfAbsent(item.week(), (w) -> new EnumMap<>(Kind.class))
				.merge(item.kind(), 1, Integer::sum);
			if (pairing.fate() == Fate.ADDED) {
				CurriculumItem added = (item.kind() == Kind.SKILL)
						? week.addSkill(item.text(), item.description(), cited.apply(item.citations()), now)
						: week.addTask(item.text(), now);
				added.placeAt(position);
				entityManager.persist(added);
				continue;
			}
			CurriculumItem existing = this.storedItems.get(pairing.stored().id());
			if (existing.getWeek() != week) {
				existing.moveTo(week, position);
			}
			if (!existing.getTitle().equals(item.text()) || !existing.getDescription().equals(item.description())) {
				existing.edit(item.text(), item.description());
			}
			if (existing.getPosition() != position) {
				existing.placeAt(position);
			}
			if (existing instanceof Skill skill && !this.stored.citationsOf(skill).equals(item.citations())) {
				skill.recite(cited.apply(item.citations()));
			}
		}
		List<CurriculumItem> archived = new ArrayList<>();
		for (Stored removed : this.match.removed()) {
			CurriculumItem item = this.storedItems.get(removed.id());
			item.archive(now);
			archived.add(item);
			if (item instanceof Skill skill && !this.stored.citationsOf(skill).isEmpty()) {
				// an archived skill shows nowhere, and its citations would keep a
				// removed reference alive
				skill.recite(List.of());
			}
		}

		List<CurriculumSection> sections = this.stored.sections;
		for (int s = 0; s < this.draft.sections().size(); s++) {
			SectionDraft draft = this.draft.sections().get(s);
			CurriculumSection section;
			if (s < sections.size()) {
				section = sections.get(s);
				section.revise(draft.part(), draft.title(), draft.kind(), draft.body());
				if (!this.stored.citationsOf(section).equals(draft.citations())) {
					section.recite(cited.apply(draft.citations()));
				}
			}
			else {
				section = curriculum.addSection(draft.part(), draft.title(), draft.kind(), draft.body());
				section.cite(cited.apply(draft.citations()));
				entityManager.persist(section);
			}
			CurriculumSection owner = section;
			reviseResources((s < sections.size()) ? this.stored.resourcesOf(section) : List.of(), draft.resources(),
					cited, entityManager, (resource) -> owner.addResource(resource.title(), resource.url(),
							resource.kind(), resource.description(), cited.apply(resource.citations())),
					owner::removeResource);
		}
		for (int s = this.draft.sections().size(); s < sections.size(); s++) {
			CurriculumSection section = sections.get(s);
			for (Resource resource : this.stored.resourcesOf(section)) {
				section.removeResource(resource);
				entityManager.remove(resource);
			}
			curriculum.removeSection(section);
			entityManager.remove(section);
		}
		// Weeks have their new phases by now; phases the document no longer has are
		// empty but for archived weeks, which keep their rows for learners' history and
		// need a phase: the last one kept, which no page shows them in.
		for (Week archivedWeek : this.stored.archivedWeeks) {
			if (!this.draft.phases().isEmpty()
					&& phases.indexOf(archivedWeek.getPhase()) >= this.draft.phases().size()) {
				archivedWeek.moveTo(phases.get(this.draft.phases().size() - 1));
			}
		}
		for (int p = this.draft.phases().size(); p < phases.size(); p++) {
			curriculum.removePhase(phases.get(p));
			entityManager.remove(phases.get(p));
		}
		List<Reference> dropped = this.stored.references.stream()
			.filter((reference) -> !kept.contains(reference.getNumber()))
			.toList();
		if (!dropped.isEmpty()) {
			dropped.forEach(curriculum::removeReference);
			// Skills archived by earlier changes may still cite them.
			entityManager.flush();
			entityManager.createNativeQuery("delete from item_citation where reference_id in (:ids)")
				.setParameter("ids", dropped.stream().map(Reference::getId).toList())
				.executeUpdate();
			dropped.forEach(entityManager::remove);
		}
		return archived;
	}

	/**
	 * Resources have no progress attached: they are matched by position, revised in
	 * place, added or deleted.
	 */
	private void reviseResources(List<Resource> stored, List<ResourceDraft> drafts,
			Function<List<Integer>, List<Reference>> cited, EntityManager entityManager,
			Function<ResourceDraft, Resource> add, Consumer<Resource> detach) {
		for (int r = 0; r < drafts.size(); r++) {
			ResourceDraft draft = drafts.get(r);
			if (r < stored.size()) {
				Resource resource = stored.get(r);
				resource.placeAt(r + 1);
				resource.edit(draft.title(), draft.url(), draft.kind(), draft.description());
				if (!this.stored.citationsOf(resource).equals(draft.citations())) {
					resource.recite(cited.apply(draft.citations()));
				}
			}
			else {
				Resource resource = add.apply(draft);
				resource.placeAt(r + 1);
				resource.edit(draft.title(), draft.url(), draft.kind(), draft.description());
				entityManager.persist(resource);
			}
		}
		for (int r = drafts.size(); r < stored.size(); r++) {
			detach.accept(stored.get(r));
			entityManager.remove(stored.get(r));
		}
	}

	private static Kind kindOf(CurriculumItem item) {
		return (item instanceof Skill) ? Kind.SKILL : Kind.TASK;
	}

	private record PlacedWeek(int phase, WeekDraft week) {
	}

	private record IncomingItem(Kind kind, int week, String text, String description, List<Integer> citations) {
	}

}
