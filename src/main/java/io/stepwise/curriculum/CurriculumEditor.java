package io.stepwise.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

import io.stepwise.curriculum.CurriculumEdits.AddPhase;
import io.stepwise.curriculum.CurriculumEdits.AddResource;
import io.stepwise.curriculum.CurriculumEdits.AddSkill;
import io.stepwise.curriculum.CurriculumEdits.AddTask;
import io.stepwise.curriculum.CurriculumEdits.AddWeek;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.Direction;
import io.stepwise.curriculum.CurriculumEdits.EditDetails;
import io.stepwise.curriculum.CurriculumEdits.EditPhase;
import io.stepwise.curriculum.CurriculumEdits.EditResource;
import io.stepwise.curriculum.CurriculumEdits.EditSkill;
import io.stepwise.curriculum.CurriculumEdits.EditTask;
import io.stepwise.curriculum.CurriculumEdits.EditWeek;
import io.stepwise.curriculum.CurriculumEdits.Edited;
import io.stepwise.curriculum.CurriculumEdits.Move;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.curriculum.CurriculumEdits.PhaseContent;
import io.stepwise.curriculum.CurriculumEdits.Removal;
import io.stepwise.curriculum.CurriculumEdits.Removed;
import io.stepwise.curriculum.CurriculumEdits.ResourceContent;
import io.stepwise.curriculum.CurriculumEdits.SkillContent;
import io.stepwise.system.Audited;
import io.stepwise.system.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins change in a curriculum. Each edit is one transaction that
 * <ul>
 * <li>locks the curriculum and refuses the edit when its version is not the one the
 * admin's form was loaded at, so that nothing is silently overwritten;</li>
 * <li>moves the curriculum's version up by one, whatever part it changes;</li>
 * <li>never takes progress away: skills and tasks keep their ids when edited and are
 * archived with their check-offs when removed, weeks keep their ids when moved;</li>
 * <li>publishes an {@link Audited} change with the state before and after.</li>
 * </ul>
 */
@Service
class CurriculumEditor {

	private static final String AREA = "curriculum";

	private final EditingRepository repository;

	private final EntityManager entityManager;

	private final ProgressUsage progress;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CurriculumEditor(EditingRepository repository, EntityManager entityManager, ProgressUsage progress,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.entityManager = entityManager;
		this.progress = progress;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Edited editDetails(EditDetails edit) {
		Curriculum curriculum = open(edit.basis());
		String before = Describe.curriculum(curriculum);
		curriculum.edit(edit.title().strip(), Describe.lines(edit.intro()).strip(), edit.plannedWeeks());
		flush();
		audit(edit.basis(), Part.CURRICULUM, "edited", curriculum.getSlug(), before, Describe.curriculum(curriculum));
		return new Edited(Part.CURRICULUM, curriculum.getId(), null);
	}

	@Transactional
	Edited addPhase(AddPhase add) {
		Curriculum curriculum = open(add.basis());
		PhaseContent content = add.content();
		Phase phase = curriculum.addPhase(content.title().strip(), content.goal().strip(), content.months());
		flush();
		audit(add.basis(), Part.PHASE, "added", Describe.subject(phase), null, Describe.phase(phase));
		return new Edited(Part.PHASE, phase.getId(), null);
	}

	@Transactional
	Edited editPhase(EditPhase edit) {
		Curriculum curriculum = open(edit.basis());
		Phase phase = phase(curriculum, edit.phaseId());
		String before = Describe.phase(phase);
		PhaseContent content = edit.content();
		phase.edit(content.title().strip(), content.goal().strip(), content.months());
		flush();
		audit(edit.basis(), Part.PHASE, "edited", Describe.subject(phase), before, Describe.phase(phase));
		return new Edited(Part.PHASE, phase.getId(), null);
	}

	@Transactional
	Edited addWeek(AddWeek add) {
		Curriculum curriculum = open(add.basis());
		Phase phase = phase(curriculum, add.content().phaseId());
		// Numbered after every week first, then put in its place at the end of its
		// phase.
		List<Week> weeks = this.repository.findWeeks(curriculum);
		int last = weeks.isEmpty() ? 0 : weeks.get(weeks.size() - 1).getNumber();
		Week week = phase.addWeek(last + 1, add.content().title().strip(), this.clock.instant());
		flush();
		renumberWeeks(outlineOrder(curriculum));
		audit(add.basis(), Part.WEEK, "added", Describe.subject(week), null, Describe.week(week));
		return new Edited(Part.WEEK, week.getId(), week.getId());
	}

	/**
	 * Renames a week, or moves it to another phase: it then becomes the last week of an
	 * earlier phase or the first of a later one, and the weeks are numbered again. Its id
	 * stays, and with it learners' progress on it.
	 */
	@Transactional
	Edited editWeek(EditWeek edit) {
		Curriculum curriculum = open(edit.basis());
		Week week = week(curriculum, edit.weekId());
		String before = Describe.week(week);
		String subject = Describe.subject(week);
		week.edit(edit.content().title().strip());
		week.moveTo(phase(curriculum, edit.content().phaseId()));
		flush();
		renumberWeeks(outlineOrder(curriculum));
		audit(edit.basis(), Part.WEEK, "edited", subject, before, Describe.week(week));
		return new Edited(Part.WEEK, week.getId(), week.getId());
	}

	@Transactional
	Edited addSkill(AddSkill add) {
		Curriculum curriculum = open(add.basis());
		Week week = week(curriculum, add.weekId());
		SkillContent content = add.content();
		Skill skill = week.addSkill(content.name().strip(), content.description().strip(), List.of(),
				this.clock.instant());
		flush();
		audit(add.basis(), Part.SKILL, "added", Describe.subject(skill), null, Describe.skill(skill));
		return new Edited(Part.SKILL, skill.getId(), week.getId());
	}

	/** Changes a skill's text; it keeps its id, and learners their check-offs of it. */
	@Transactional
	Edited editSkill(EditSkill edit) {
		Curriculum curriculum = open(edit.basis());
		Skill skill = skill(curriculum, edit.skillId());
		String before = Describe.skill(skill);
		skill.edit(edit.content().name().strip(), edit.content().description().strip());
		flush();
		audit(edit.basis(), Part.SKILL, "edited", Describe.subject(skill), before, Describe.skill(skill));
		return new Edited(Part.SKILL, skill.getId(), skill.getWeek().getId());
	}

	@Transactional
	Edited addTask(AddTask add) {
		Curriculum curriculum = open(add.basis());
		Week week = week(curriculum, add.weekId());
		// Created now, after the week and after any learner finished it: learners who
		// finished the week keep it finished and see the task as new.
		ProjectTask task = week.addTask(add.text().strip(), this.clock.instant());
		flush();
		audit(add.basis(), Part.TASK, "added", Describe.subject(task), null, Describe.task(task));
		return new Edited(Part.TASK, task.getId(), week.getId());
	}

	/** Changes a task's text; it keeps its id, and learners their check-offs of it. */
	@Transactional
	Edited editTask(EditTask edit) {
		Curriculum curriculum = open(edit.basis());
		ProjectTask task = task(curriculum, edit.taskId());
		String before = Describe.task(task);
		task.edit(edit.text().strip(), "");
		flush();
		audit(edit.basis(), Part.TASK, "edited", Describe.subject(task), before, Describe.task(task));
		return new Edited(Part.TASK, task.getId(), task.getWeek().getId());
	}

	@Transactional
	Edited addResource(AddResource add) {
		Curriculum curriculum = open(add.basis());
		Week week = week(curriculum, add.weekId());
		ResourceContent content = add.content();
		Resource resource = week.addResource(content.title().strip(), stripToNull(content.url()), content.kind(),
				content.description().strip(), List.of());
		flush();
		audit(add.basis(), Part.RESOURCE, "added", Describe.subject(resource), null, Describe.resource(resource));
		return new Edited(Part.RESOURCE, resource.getId(), week.getId());
	}

	@Transactional
	Edited editResource(EditResource edit) {
		Curriculum curriculum = open(edit.basis());
		Resource resource = resource(curriculum, edit.resourceId());
		String before = Describe.resource(resource);
		ResourceContent content = edit.content();
		resource.edit(content.title().strip(), stripToNull(content.url()), content.kind(),
				content.description().strip());
		flush();
		audit(edit.basis(), Part.RESOURCE, "edited", Describe.subject(resource), before, Describe.resource(resource));
		return new Edited(Part.RESOURCE, resource.getId(), resource.getWeek().getId());
	}

	/**
	 * Moves a part one place among its siblings. A week moved past the start or end of
	 * its phase goes to the neighbouring phase; parts keep their ids, only numbers and
	 * places change. Moving the first part up or the last one down changes nothing, but
	 * still counts as an edit made on the version the admin saw.
	 */
	@Transactional
	Edited move(Move move) {
		Curriculum curriculum = open(move.basis());
		boolean up = move.direction() == Direction.UP;
		return switch (move.part()) {
			case PHASE -> movePhase(move, curriculum, up);
			case WEEK -> moveWeek(move, curriculum, up);
			case SKILL -> moveItem(move, skill(curriculum, move.id()), up);
			case TASK -> moveItem(move, task(curriculum, move.id()), up);
			case RESOURCE -> moveResource(move, resource(curriculum, move.id()), up);
			case CURRICULUM -> throw new IllegalArgumentException("A curriculum has no place to move to");
		};
	}

	/**
	 * Takes a part out. Skills and tasks are archived, never deleted: learners keep their
	 * check-offs and history, and pages and the gate stop counting them. A week must be
	 * emptied first; it is archived when learners' history names it, deleted otherwise. A
	 * phase must have no weeks, and a curriculum keeps at least one phase. Resources are
	 * deleted.
	 * @throws RemovalRefusedException when the part cannot be removed as it is
	 */
	@Transactional
	Removed remove(Removal removal) {
		Curriculum curriculum = open(removal.basis());
		return switch (removal.part()) {
			case PHASE -> removePhase(removal, curriculum, phase(curriculum, removal.id()));
			case WEEK -> removeWeek(removal, curriculum, week(curriculum, removal.id()));
			case SKILL -> archiveItem(removal, curriculum, skill(curriculum, removal.id()));
			case TASK -> archiveItem(removal, curriculum, task(curriculum, removal.id()));
			case RESOURCE -> removeResource(removal, resource(curriculum, removal.id()));
			case CURRICULUM -> throw new IllegalArgumentException("Curricula are not removed here");
		};
	}

	private Edited movePhase(Move move, Curriculum curriculum, boolean up) {
		List<Phase> phases = new ArrayList<>(this.repository.findPhases(curriculum));
		Phase phase = phase(curriculum, move.id());
		String before = Describe.subject(phase);
		if (swapWithNeighbour(phases, phase, up)) {
			renumber(phases, Phase::getPosition, Phase::placeAt);
			renumberWeeks(outlineOrder(curriculum));
		}
		audit(move.basis(), Part.PHASE, "moved", before, before, Describe.subject(phase));
		return new Edited(Part.PHASE, phase.getId(), null);
	}

	private Edited moveWeek(Move move, Curriculum curriculum, boolean up) {
		Week week = week(curriculum, move.id());
		String before = Describe.placeOf(week);
		String subject = Describe.subject(week);
		List<Week> order = outlineOrder(curriculum);
		List<Week> siblings = order.stream().filter((other) -> other.getPhase() == week.getPhase()).toList();
		boolean atEdge = up ? siblings.get(0) == week : siblings.get(siblings.size() - 1) == week;
		if (atEdge) {
			// Into the neighbouring phase, as its last or first week: the week keeps its
			// number, since phases follow one another.
			List<Phase> phases = this.repository.findPhases(curriculum);
			int index = phases.indexOf(week.getPhase()) + (up ? -1 : 1);
			if (index >= 0 && index < phases.size()) {
				week.moveTo(phases.get(index));
			}
		}
		else if (swapWithNeighbour(order, week, up)) {
			renumberWeeks(order);
		}
		flush();
		audit(move.basis(), Part.WEEK, "moved", subject, before, Describe.placeOf(week));
		return new Edited(Part.WEEK, week.getId(), week.getId());
	}

	private Edited moveItem(Move move, CurriculumItem item, boolean up) {
		String before = Describe.subject(item);
		List<CurriculumItem> siblings = siblingsOf(item);
		if (swapWithNeighbour(siblings, item, up)) {
			renumber(siblings, CurriculumItem::getPosition, CurriculumItem::placeAt);
		}
		flush();
		audit(move.basis(), move.part(), "moved", before, before, Describe.subject(item));
		return new Edited(move.part(), item.getId(), item.getWeek().getId());
	}

	private Edited moveResource(Move move, Resource resource, boolean up) {
		String before = Describe.subject(resource);
		List<Resource> siblings = new ArrayList<>(this.repository.findResources(resource.getWeek()));
		if (swapWithNeighbour(siblings, resource, up)) {
			renumber(siblings, Resource::getPosition, Resource::placeAt);
		}
		flush();
		audit(move.basis(), Part.RESOURCE, "moved", before, before, Describe.subject(resource));
		return new Edited(Part.RESOURCE, resource.getId(), resource.getWeek().getId());
	}

	private Removed removePhase(Removal removal, Curriculum curriculum, Phase phase) {
		List<Phase> phases = new ArrayList<>(this.repository.findPhases(curriculum));
		if (phases.size() == 1) {
			throw new RemovalRefusedException("admin.curriculum.remove.phase.last");
		}
		if (this.repository.countWeeks(phase) > 0) {
			throw new RemovalRefusedException("admin.curriculum.remove.phase.notEmpty");
		}
		String before = Describe.phase(phase);
		String subject = Describe.subject(phase);
		int index = phases.indexOf(phase);
		Phase neighbour = phases.get((index > 0) ? index - 1 : index + 1);
		// Archived weeks keep their rows for learners' history and need a phase: one no
		// page shows them in.
		this.repository.findArchivedWeeks(phase).forEach((week) -> week.moveTo(neighbour));
		curriculum.removePhase(phase);
		this.entityManager.remove(phase);
		phases.remove(phase);
		flush();
		renumber(phases, Phase::getPosition, Phase::placeAt);
		audit(removal.basis(), Part.PHASE, "deleted", subject, before, null);
		return new Removed(Part.PHASE, null, false, 0);
	}

	private Removed removeWeek(Removal removal, Curriculum curriculum, Week week) {
		if (!this.repository.findItems(week).isEmpty() || !this.repository.findResources(week).isEmpty()) {
			throw new RemovalRefusedException("admin.curriculum.remove.week.notEmpty");
		}
		String before = Describe.week(week);
		String subject = Describe.subject(week);
		long learners = this.progress.learnersWithWeek(week.getId());
		boolean keep = learners > 0 || this.repository.countAllItems(week) > 0;
		if (keep) {
			week.archive(this.clock.instant());
		}
		else {
			week.getPhase().release(week);
			this.entityManager.remove(week);
		}
		flush();
		renumberWeeks(outlineOrder(curriculum));
		audit(removal.basis(), Part.WEEK, keep ? "archived" : "deleted", subject, before,
				keep ? Describe.archived(learners) : null);
		return new Removed(Part.WEEK, null, keep, learners);
	}

	private Removed archiveItem(Removal removal, Curriculum curriculum, CurriculumItem item) {
		String before = Describe.item(item);
		String subject = Describe.subject(item);
		long learners = this.progress.learnersWithItem(item.getId());
		List<CurriculumItem> siblings = siblingsOf(item);
		item.archive(this.clock.instant());
		siblings.remove(item);
		renumber(siblings, CurriculumItem::getPosition, CurriculumItem::placeAt);
		flush();
		this.events.publishEvent(new ItemArchived(curriculum.getId(), item.getWeek().getId(), item.getId()));
		audit(removal.basis(), removal.part(), "archived", subject, before, Describe.archived(learners));
		return new Removed(removal.part(), item.getWeek().getId(), true, learners);
	}

	private Removed removeResource(Removal removal, Resource resource) {
		String before = Describe.resource(resource);
		String subject = Describe.subject(resource);
		Week week = resource.getWeek();
		List<Resource> siblings = new ArrayList<>(this.repository.findResources(week));
		siblings.remove(resource);
		week.removeResource(resource);
		this.entityManager.remove(resource);
		renumber(siblings, Resource::getPosition, Resource::placeAt);
		flush();
		audit(removal.basis(), Part.RESOURCE, "deleted", subject, before, null);
		return new Removed(Part.RESOURCE, week.getId(), false, 0);
	}

	/**
	 * Locks the curriculum and checks the admin's version against the stored one. The
	 * lock makes concurrent edits of one curriculum wait for each other, so the second
	 * sees the first one's version and is refused.
	 */
	private Curriculum open(Basis basis) {
		Curriculum curriculum = this.repository.lockBySlug(basis.slug())
			.orElseThrow(() -> new NotFoundException("No curriculum '" + basis.slug() + "'"));
		if (curriculum.getVersion() != basis.version()) {
			throw new CurriculumChangedException();
		}
		curriculum.changed(this.clock.instant());
		return curriculum;
	}

	/**
	 * Writes what changed so far. The version check of the row is the last guard against
	 * an edit made meanwhile; with the lock taken in {@link #open(Basis)} it should never
	 * fire.
	 */
	private void flush() {
		try {
			this.entityManager.flush();
		}
		catch (OptimisticLockException ex) {
			throw new CurriculumChangedException();
		}
	}

	/** The live weeks as the outline shows them: phase by phase, each in its order. */
	private List<Week> outlineOrder(Curriculum curriculum) {
		List<Week> weeks = new ArrayList<>(this.repository.findWeeks(curriculum));
		weeks.sort(Comparator.comparingInt((Week week) -> week.getPhase().getPosition())
			.thenComparingInt(Week::getNumber));
		return weeks;
	}

	/** Numbers the weeks 1..N in the given order; their ids stay. */
	private void renumberWeeks(List<Week> order) {
		renumber(order, Week::getNumber, Week::renumber);
	}

	/**
	 * Gives the parts the numbers 1..N in the given order. Numbers may be unique in the
	 * schema (weeks, phases), and the database checks that after each statement: so every
	 * part first moves above all numbers in use, then to its own. Both H2 and PostgreSQL
	 * accept either step in any order of statements.
	 */
	private <T> void renumber(List<T> order, ToIntFunction<T> number, Placement<T> place) {
		boolean inOrder = true;
		int highest = 0;
		for (int i = 0; i < order.size(); i++) {
			int current = number.applyAsInt(order.get(i));
			inOrder &= current == i + 1;
			highest = Math.max(highest, current);
		}
		if (inOrder) {
			return;
		}
		int above = highest + order.size() + 1;
		for (int i = 0; i < order.size(); i++) {
			place.at(order.get(i), above + i);
		}
		flush();
		for (int i = 0; i < order.size(); i++) {
			place.at(order.get(i), i + 1);
		}
		flush();
	}

	/** The live items of the item's kind in its week, in their order. */
	private List<CurriculumItem> siblingsOf(CurriculumItem item) {
		return new ArrayList<>(this.repository.findItems(item.getWeek())
			.stream()
			.filter((other) -> other.getClass() == item.getClass())
			.sorted(Comparator.comparingInt(CurriculumItem::getPosition))
			.toList());
	}

	private static <T> boolean swapWithNeighbour(List<T> list, T element, boolean up) {
		int index = list.indexOf(element);
		int other = up ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= list.size()) {
			return false;
		}
		list.set(index, list.get(other));
		list.set(other, element);
		return true;
	}

	private Phase phase(Curriculum curriculum, long id) {
		return this.repository.findPhase(curriculum, id).orElseThrow(() -> new NotFoundException("No phase " + id));
	}

	private Week week(Curriculum curriculum, long id) {
		return this.repository.findWeek(curriculum, id).orElseThrow(() -> new NotFoundException("No week " + id));
	}

	private Skill skill(Curriculum curriculum, long id) {
		return this.repository.findSkill(curriculum, id).orElseThrow(() -> new NotFoundException("No skill " + id));
	}

	private ProjectTask task(Curriculum curriculum, long id) {
		return this.repository.findTask(curriculum, id).orElseThrow(() -> new NotFoundException("No task " + id));
	}

	private Resource resource(Curriculum curriculum, long id) {
		return this.repository.findResource(curriculum, id)
			.orElseThrow(() -> new NotFoundException("No resource " + id));
	}

	private void audit(Basis basis, Part part, String what, String subject, String before, String after) {
		this.events.publishEvent(new Audited(basis.editor().id(), basis.editor().username(), AREA,
				part.lowerCase() + "." + what, subject, before, after));
	}

	private static String stripToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	@FunctionalInterface
	private interface Placement<T> {

		void at(T part, int number);

	}

	/** Parts of a curriculum as the audit log shows them: readable, one field a line. */
	static final class Describe {

		private Describe() {
		}

		static String lines(String text) {
			return (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n') : "";
		}

		static String curriculum(Curriculum curriculum) {
			return "Title: " + curriculum.getTitle() + "\nPlanned weeks: " + curriculum.getPlannedWeeks() + "\nIntro:\n"
					+ curriculum.getIntro();
		}

		static String phase(Phase phase) {
			MonthSpan months = phase.getMonths();
			return "Phase " + phase.getPosition() + ": " + phase.getTitle() + "\nGoal: " + phase.getGoal()
					+ "\nMonths: " + months.from() + "-" + months.to();
		}

		static String week(Week week) {
			return placeOf(week);
		}

		static String placeOf(Week week) {
			return weekName(week) + "\nPhase " + week.getPhase().getPosition() + ": " + week.getPhase().getTitle();
		}

		static String item(CurriculumItem item) {
			return (item instanceof Skill skill) ? skill(skill) : task((ProjectTask) item);
		}

		static String skill(Skill skill) {
			return "Skill " + skill.getPosition() + " of " + weekName(skill.getWeek()) + "\nName: " + skill.getName()
					+ "\nDescription: " + skill.getDescription();
		}

		static String task(ProjectTask task) {
			return "Task " + task.getPosition() + " of " + weekName(task.getWeek()) + "\nText: " + task.getText();
		}

		static String resource(Resource resource) {
			return "Resource " + resource.getPosition() + " of " + weekName(resource.getWeek()) + "\nTitle: "
					+ resource.getTitle() + "\nURL: " + ((resource.getUrl() != null) ? resource.getUrl() : "")
					+ "\nKind: " + resource.getKind() + "\nDescription: " + resource.getDescription();
		}

		static String archived(long learners) {
			return "Archived: it no longer shows and no longer counts for the week. " + learners
					+ ((learners == 1) ? " learner keeps it" : " learners keep it") + " in their progress and history.";
		}

		static String subject(Phase phase) {
			return phase.getCurriculum().getSlug() + ", phase " + phase.getPosition();
		}

		static String subject(Week week) {
			return week.getCurriculum().getSlug() + ", week " + week.getNumber();
		}

		static String subject(CurriculumItem item) {
			return subject(item.getWeek()) + ((item instanceof Skill) ? ", skill " : ", task ") + item.getPosition();
		}

		static String subject(Resource resource) {
			return subject(resource.getWeek()) + ", resource " + resource.getPosition();
		}

		private static String weekName(Week week) {
			String title = week.getTitle();
			return "Week " + week.getNumber() + (title.isEmpty() ? "" : ": " + title);
		}

	}

}
