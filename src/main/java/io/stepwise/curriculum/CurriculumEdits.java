package io.stepwise.curriculum;

import java.util.Locale;

/**
 * The edits admins make to a curriculum, as {@link CurriculumEditor} takes them. Each
 * names the curriculum by its slug and carries the version the admin saw; parts are named
 * by id, and the editor looks each one up within that curriculum only.
 */
final class CurriculumEdits {

	private CurriculumEdits() {
	}

	/** Who makes the edit, for the audit log. */
	record Editor(long id, String username) {
	}

	/**
	 * The curriculum an edit is made to.
	 *
	 * @param version the version the admin's form was loaded at; if the curriculum has
	 * changed since, the edit is refused as a conflict
	 */
	record Basis(String slug, long version, Editor editor) {

		/** A form that carries no version counts as stale. */
		static Basis of(String slug, Long version, Editor editor) {
			return new Basis(slug, (version != null) ? version : -1, editor);
		}

	}

	record EditDetails(Basis basis, String title, String intro, int plannedWeeks) {
	}

	record PhaseContent(String title, String goal, MonthSpan months) {
	}

	record AddPhase(Basis basis, PhaseContent content) {
	}

	record EditPhase(Basis basis, long phaseId, PhaseContent content) {
	}

	/**
	 * @param title may be empty: pages then call the week by its number
	 */
	record WeekContent(String title, long phaseId) {
	}

	record AddWeek(Basis basis, WeekContent content) {
	}

	record EditWeek(Basis basis, long weekId, WeekContent content) {
	}

	/**
	 * @param description may be empty
	 */
	record SkillContent(String name, String description) {
	}

	record AddSkill(Basis basis, long weekId, SkillContent content) {
	}

	record EditSkill(Basis basis, long skillId, SkillContent content) {
	}

	record AddTask(Basis basis, long weekId, String text) {
	}

	record EditTask(Basis basis, long taskId, String text) {
	}

	/**
	 * @param url an http(s) URL, or {@code null} for a resource without a link
	 * @param description may be empty
	 */
	record ResourceContent(String title, String url, ResourceKind kind, String description) {
	}

	record AddResource(Basis basis, long weekId, ResourceContent content) {
	}

	record EditResource(Basis basis, long resourceId, ResourceContent content) {
	}

	/** Moves a part one place up or down among its siblings. */
	record Move(Basis basis, Part part, long id, Direction direction) {
	}

	/**
	 * Takes a part out of the curriculum: skills and tasks are archived with their
	 * check-offs, weeks with history are archived, everything else is deleted.
	 */
	record Removal(Basis basis, Part part, long id) {
	}

	/**
	 * What was changed, for the page to return to and to open.
	 *
	 * @param weekId the week that was changed or holds what was, null for the curriculum
	 * and its phases
	 */
	record Edited(Part part, long id, Long weekId) {
	}

	/**
	 * What a removal did.
	 *
	 * @param weekId the week the removed part was in, null for a week or a phase
	 * @param archived whether the part was archived for learners' history rather than
	 * deleted
	 * @param learners learners whose progress names the part, who keep it in their
	 * history
	 */
	record Removed(Part part, Long weekId, boolean archived, long learners) {
	}

	enum Part {

		CURRICULUM, PHASE, WEEK, SKILL, TASK, RESOURCE;

		/** How the audit log and the addresses name the part: "task", "resource". */
		String lowerCase() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	enum Direction {

		UP, DOWN

	}

}
