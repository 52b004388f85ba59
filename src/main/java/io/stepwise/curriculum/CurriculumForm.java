package io.stepwise.curriculum;

import io.stepwise.curriculum.CurriculumAdministration.CurriculumDetail;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.EditDetails;
import io.stepwise.system.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The form for a curriculum's title, intro and planned weeks. The curriculum is the one
 * in the address; its slug is not editable, so links to it keep working.
 *
 * @param intro Markdown, shown with raw HTML escaped and links restricted
 * @param plannedWeeks a number that does not parse is refused by the binder with the
 * message "typeMismatch.plannedWeeks"
 * @param version the version of the curriculum the form was loaded at
 */
record CurriculumForm(
		@NotBlank(message = "{admin.curriculum.title.required}") @Size(max = ContentLimits.CURRICULUM_TITLE,
				message = "{admin.curriculum.title.tooLong}") @PlainText String title,
		@Size(max = ContentLimits.INTRO,
				message = "{admin.curriculum.intro.tooLong}") @PlainText(multiline = true) String intro,
		@NotNull(message = "{admin.curriculum.plannedWeeks.required}") @Min(value = 1,
				message = "{admin.curriculum.plannedWeeks.range}") @Max(value = 520,
						message = "{admin.curriculum.plannedWeeks.range}") Integer plannedWeeks,
		Long version) {

	/**
	 * Browsers send a text area's line breaks as CR LF; kept as LF, as documents are, so
	 * that unchanged text compares equal and counts the same.
	 */
	CurriculumForm {
		intro = (intro != null) ? intro.replace("\r\n", "\n") : null;
	}

	static CurriculumForm of(CurriculumDetail curriculum) {
		return new CurriculumForm(curriculum.place().title(), curriculum.intro(), curriculum.plannedWeeks(),
				curriculum.place().version());
	}

	/** The admin's input on top of the version stored now, to save over it knowingly. */
	CurriculumForm over(long version) {
		return new CurriculumForm(this.title, this.intro, this.plannedWeeks, version);
	}

	EditDetails toCommand(Basis basis) {
		return new EditDetails(basis, this.title, (this.intro != null) ? this.intro : "", this.plannedWeeks);
	}

}
