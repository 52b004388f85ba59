package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.WeekDetail;
import io.stepwise.curriculum.CurriculumEdits.AddWeek;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditWeek;
import io.stepwise.curriculum.CurriculumEdits.WeekContent;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The form that adds or edits a week. Its number is not a field: weeks are numbered by
 * their place, which the outline's move buttons change.
 *
 * @param title may be empty: pages then call the week by its number
 * @param phase the id of the phase the week belongs to, one of the curriculum's; a value
 * that does not parse is refused with "typeMismatch.phase"
 */
record WeekForm(
		@Size(max = ContentLimits.WEEK_TITLE,
				message = "{admin.curriculum.week.title.tooLong}") @PlainText String title,
		@NotNull(message = "{admin.curriculum.week.phase.required}") Long phase, Long version) {

	static WeekForm inPhase(Long phase, long version) {
		return new WeekForm("", phase, version);
	}

	static WeekForm of(WeekDetail week) {
		return new WeekForm(week.week().title(), week.phaseId(), week.place().version());
	}

	WeekForm over(long version) {
		return new WeekForm(this.title, this.phase, version);
	}

	AddWeek toAdd(Basis basis) {
		return new AddWeek(basis, content());
	}

	EditWeek toEdit(Basis basis, long weekId) {
		return new EditWeek(basis, weekId, content());
	}

	private WeekContent content() {
		return new WeekContent((this.title != null) ? this.title : "", this.phase);
	}

}
