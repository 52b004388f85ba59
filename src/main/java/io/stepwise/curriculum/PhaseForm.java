package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.PhaseDetail;
import io.stepwise.curriculum.CurriculumEdits.AddPhase;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditPhase;
import io.stepwise.curriculum.CurriculumEdits.PhaseContent;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The form that adds or edits a phase. Months that do not parse are refused by the binder
 * with "typeMismatch.monthFrom" and "typeMismatch.monthTo".
 *
 * @param goal shown as plain text under the phase's title, may be empty
 */
@MonthsInOrder
record PhaseForm(
		@NotBlank(message = "{admin.curriculum.phase.title.required}") @Size(max = ContentLimits.PHASE_TITLE,
				message = "{admin.curriculum.phase.title.tooLong}") @PlainText String title,
		@Size(max = ContentLimits.PHASE_GOAL, message = "{admin.curriculum.phase.goal.tooLong}") @PlainText String goal,
		@NotNull(message = "{admin.curriculum.phase.months.required}") @Min(value = 1,
				message = "{admin.curriculum.phase.months.range}") @Max(value = PhaseForm.LAST_MONTH,
						message = "{admin.curriculum.phase.months.range}") Integer monthFrom,
		@NotNull(message = "{admin.curriculum.phase.months.required}") @Min(value = 1,
				message = "{admin.curriculum.phase.months.range}") @Max(value = PhaseForm.LAST_MONTH,
						message = "{admin.curriculum.phase.months.range}") Integer monthTo,
		Long version) {

	/** Ten years: longer than any curriculum is meant to take. */
	static final int LAST_MONTH = 120;

	static PhaseForm empty(long version) {
		return new PhaseForm("", "", null, null, version);
	}

	static PhaseForm of(PhaseDetail phase) {
		return new PhaseForm(phase.title(), phase.goal(), phase.months().from(), phase.months().to(),
				phase.place().version());
	}

	PhaseForm over(long version) {
		return new PhaseForm(this.title, this.goal, this.monthFrom, this.monthTo, version);
	}

	AddPhase toAdd(Basis basis) {
		return new AddPhase(basis, content());
	}

	EditPhase toEdit(Basis basis, long phaseId) {
		return new EditPhase(basis, phaseId, content());
	}

	private PhaseContent content() {
		return new PhaseContent(this.title, (this.goal != null) ? this.goal : "",
				new MonthSpan(this.monthFrom, this.monthTo));
	}

}
