package io.stepwise.cohort;

import java.time.LocalDate;

import io.stepwise.system.PlainText;
import io.stepwise.system.StartDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that renames a cohort or moves its start date. The cohort is the one in the
 * address, never a field.
 *
 * @param version the version of the cohort the admin saw; a form without one counts as
 * stale
 */
record CohortEditForm(
		@NotBlank(message = "{admin.cohort.name.required}") @Size(max = 100,
				message = "{admin.cohort.name.tooLong}") @PlainText String name,
		@NotNull(message = "{admin.cohort.startDate.required}") @StartDate @DateTimeFormat(
				iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		Long version) {

	static CohortEditForm of(CohortAdministration.CohortDetail cohort) {
		return new CohortEditForm(cohort.name(), cohort.startDate(), cohort.version());
	}

	/** The admin's input against the cohort as it is now, to save over it knowingly. */
	CohortEditForm over(CohortAdministration.CohortDetail current) {
		return new CohortEditForm(this.name, this.startDate, current.version());
	}

	EditCohort toCommand(long cohortId) {
		return new EditCohort(cohortId, this.name, this.startDate, (this.version != null) ? this.version : -1);
	}

}
