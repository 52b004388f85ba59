package io.stepwise.curriculum;

import java.time.Instant;
import java.util.List;

import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admins' curriculum pages read: the state each form starts from, and what a
 * removal would affect. Each read takes the curriculum's version first and its content
 * after, so a form never carries a version newer than what it shows: at worst an edit
 * made in between makes the admin's save a conflict.
 */
@Service
@Transactional(readOnly = true)
class CurriculumAdministration {

	private final EditingRepository repository;

	private final CurriculumCatalog catalog;

	private final ProgressUsage progress;

	CurriculumAdministration(EditingRepository repository, CurriculumCatalog catalog, ProgressUsage progress) {
		this.repository = repository;
		this.catalog = catalog;
		this.progress = progress;
	}

	List<EditableCurriculum> list() {
		return this.repository.findEditable();
	}

	Outline outline(String slug) {
		Place place = place(curriculum(slug));
		CurriculumTree tree = this.catalog.tree(slug).orElseThrow(() -> notFound(slug));
		return new Outline(place, tree);
	}

	Place place(String slug) {
		return place(curriculum(slug));
	}

	CurriculumDetail details(String slug) {
		Curriculum curriculum = curriculum(slug);
		// Rendered as the curriculum's page renders it, citations linked.
		String introHtml = this.catalog.tree(slug).orElseThrow(() -> notFound(slug)).introHtml();
		return new CurriculumDetail(place(curriculum), curriculum.getIntro(), introHtml, curriculum.getPlannedWeeks());
	}

	PhaseDetail phase(String slug, long id) {
		Curriculum curriculum = curriculum(slug);
		Phase phase = this.repository.findPhase(curriculum, id).orElseThrow(() -> new NotFoundException("No phase"));
		return new PhaseDetail(place(curriculum), phase.getId(), phase.getPosition(), phase.getTitle(), phase.getGoal(),
				phase.getMonths(), this.repository.countWeeks(phase));
	}

	/** The phases there are, for a new phase or a new week. */
	Phases phases(String slug) {
		Curriculum curriculum = curriculum(slug);
		return new Phases(place(curriculum), phaseChoices(curriculum));
	}

	WeekDetail week(String slug, long id) {
		Curriculum curriculum = curriculum(slug);
		Week week = week(curriculum, id);
		return new WeekDetail(place(curriculum), ref(week), week.getPhase().getId(), phaseChoices(curriculum));
	}

	/** A week that a new skill, task or resource goes into, with what it holds. */
	WeekContent weekContent(String slug, long weekId) {
		Curriculum curriculum = curriculum(slug);
		return content(curriculum, week(curriculum, weekId));
	}

	SkillDetail skill(String slug, long id) {
		Curriculum curriculum = curriculum(slug);
		Skill skill = this.repository.findSkill(curriculum, id).orElseThrow(() -> new NotFoundException("No skill"));
		return new SkillDetail(content(curriculum, skill.getWeek()), skill.getId(), skill.getPosition(),
				skill.getName(), skill.getDescription(), this.progress.learnersWithItem(skill.getId()));
	}

	TaskDetail task(String slug, long id) {
		Curriculum curriculum = curriculum(slug);
		ProjectTask task = this.repository.findTask(curriculum, id).orElseThrow(() -> new NotFoundException("No task"));
		return new TaskDetail(content(curriculum, task.getWeek()), task.getId(), task.getPosition(), task.getText(),
				this.progress.learnersWithItem(task.getId()));
	}

	ResourceDetail resource(String slug, long id) {
		Curriculum curriculum = curriculum(slug);
		Resource resource = resource(curriculum, id);
		return new ResourceDetail(content(curriculum, resource.getWeek()), resource.getId(), resource.getPosition(),
				resource.getTitle(), resource.getUrl(), resource.getKind(), resource.getDescription());
	}

	/**
	 * What removing a part would do: how many learners it affects, whether it is archived
	 * or deleted, or why it cannot be removed yet.
	 */
	RemovalDetail removal(String slug, Part part, long id) {
		Curriculum curriculum = curriculum(slug);
		Place place = place(curriculum);
		return switch (part) {
			case PHASE -> {
				Phase phase = this.repository.findPhase(curriculum, id)
					.orElseThrow(() -> new NotFoundException("No phase"));
				String refusal = (this.repository.findPhases(curriculum).size() == 1)
						? "admin.curriculum.remove.phase.last"
						: (this.repository.countWeeks(phase) > 0) ? "admin.curriculum.remove.phase.notEmpty" : null;
				yield new RemovalDetail(place, part, id, phase.getTitle(), phase.getPosition(), null, 0, false,
						refusal);
			}
			case WEEK -> {
				Week week = week(curriculum, id);
				long learners = this.progress.learnersWithWeek(week.getId());
				boolean empty = this.repository.findItems(week).isEmpty()
						&& this.repository.findResources(week).isEmpty();
				yield new RemovalDetail(place, part, id, week.getTitle(), week.getNumber(), ref(week), learners,
						learners > 0 || this.repository.countAllItems(week) > 0,
						empty ? null : "admin.curriculum.remove.week.notEmpty");
			}
			case SKILL -> {
				Skill skill = this.repository.findSkill(curriculum, id)
					.orElseThrow(() -> new NotFoundException("No skill"));
				yield new RemovalDetail(place, part, id, skill.getName(), skill.getPosition(), ref(skill.getWeek()),
						this.progress.learnersWithItem(id), true, null);
			}
			case TASK -> {
				ProjectTask task = this.repository.findTask(curriculum, id)
					.orElseThrow(() -> new NotFoundException("No task"));
				yield new RemovalDetail(place, part, id, task.getText(), task.getPosition(), ref(task.getWeek()),
						this.progress.learnersWithItem(id), true, null);
			}
			case RESOURCE -> {
				Resource resource = resource(curriculum, id);
				yield new RemovalDetail(place, part, id, resource.getTitle(), resource.getPosition(),
						ref(resource.getWeek()), 0, false, null);
			}
			case CURRICULUM -> throw new NotFoundException("Curricula are not removed here");
		};
	}

	private WeekContent content(Curriculum curriculum, Week week) {
		List<CurriculumItem> items = this.repository.findItems(week);
		return new WeekContent(place(curriculum), ref(week),
				items.stream().filter(Skill.class::isInstance).map(CurriculumItem::getTitle).toList(),
				items.stream().filter(ProjectTask.class::isInstance).map(CurriculumItem::getTitle).toList(),
				this.repository.findResources(week).stream().map(Resource::getTitle).toList());
	}

	private List<PhaseChoice> phaseChoices(Curriculum curriculum) {
		return this.repository.findPhases(curriculum)
			.stream()
			.map((phase) -> new PhaseChoice(phase.getId(), phase.getPosition(), phase.getTitle()))
			.toList();
	}

	private Curriculum curriculum(String slug) {
		return this.repository.findBySlug(slug).orElseThrow(() -> notFound(slug));
	}

	private Week week(Curriculum curriculum, long id) {
		return this.repository.findWeek(curriculum, id).orElseThrow(() -> new NotFoundException("No week"));
	}

	private Resource resource(Curriculum curriculum, long id) {
		return this.repository.findResource(curriculum, id).orElseThrow(() -> new NotFoundException("No resource"));
	}

	private static Place place(Curriculum curriculum) {
		return new Place(curriculum.getSlug(), curriculum.getTitle(), curriculum.getVersion(),
				curriculum.getUpdatedAt());
	}

	private static WeekRef ref(Week week) {
		return new WeekRef(week.getId(), week.getNumber(), week.getTitle());
	}

	private static NotFoundException notFound(String slug) {
		return new NotFoundException("No curriculum '" + slug + "'");
	}

	/**
	 * The curriculum a page edits, and the version its forms carry.
	 */
	record Place(String slug, String title, long version, Instant updatedAt) {
	}

	record Outline(Place place, CurriculumTree tree) {
	}

	/**
	 * @param intro the Markdown source
	 * @param introHtml the intro as the curriculum's page shows it
	 */
	record CurriculumDetail(Place place, String intro, String introHtml, int plannedWeeks) {
	}

	record PhaseDetail(Place place, long id, int position, String title, String goal, MonthSpan months, long weeks) {
	}

	record PhaseChoice(long id, int position, String title) {
	}

	record Phases(Place place, List<PhaseChoice> phases) {
	}

	/**
	 * @param title empty when the week has none
	 */
	record WeekRef(long id, int number, String title) {

		public boolean hasTitle() {
			return !this.title.isEmpty();
		}

	}

	record WeekDetail(Place place, WeekRef week, long phaseId, List<PhaseChoice> phases) {
	}

	/** A week with the names of what it holds, as stored now. */
	record WeekContent(Place place, WeekRef week, List<String> skills, List<String> tasks, List<String> resources) {
	}

	/**
	 * @param learners how many learners have the skill checked off
	 */
	record SkillDetail(WeekContent at, long id, int position, String name, String description, long learners) {
	}

	record TaskDetail(WeekContent at, long id, int position, String text, long learners) {
	}

	record ResourceDetail(WeekContent at, long id, int position, String title, String url, ResourceKind kind,
			String description) {
	}

	/**
	 * @param label the part's title, name or text
	 * @param number the part's number or position
	 * @param week the week the part is in, or the week itself; null for a phase
	 * @param learners learners whose progress names the part
	 * @param archives whether the part is archived (kept for history) rather than deleted
	 * @param refusal the message code saying why it cannot be removed yet, or null
	 */
	record RemovalDetail(Place place, Part part, long id, String label, int number, WeekRef week, long learners,
			boolean archives, String refusal) {
	}

}
