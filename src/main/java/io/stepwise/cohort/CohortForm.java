package io.stepwise.cohort;

import java.time.LocalDate;

import io.stepwise.system.PlainText;
import io.stepwise.system.StartDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that creates a cohort. The invite code, the mentors and the learners are
 * decided afterwards, on the cohort's own page.
 *
 * @param curriculum the slug of the curriculum
 * @param startDate a date that does not parse is refused by the binder with the message
 * "typeMismatch.startDate", which the edit form shares
 */
record CohortForm(
		@NotBlank(message = "{admin.cohort.name.required}") @Size(max = 100,
				message = "{admin.cohort.name.tooLong}") @PlainText String name,
		@NotBlank(message = "{admin.cohort.curriculum.required}") String curriculum,
		@NotNull(message = "{admin.cohort.startDate.required}") @StartDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate startDate) {

	static CohortForm startingOn(LocalDate startDate) {
		return new CohortForm("", "", startDate);
	}

	CreateCohort toCommand() {
		return new CreateCohort(this.name, this.curriculum, this.startDate);
	}

}
