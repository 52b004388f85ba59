package io.stepwise.cohort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A start date a cohort can have: a typo such as year 20260 or 0026 is refused before it
 * anchors the pace of every learner in it. {@code null} is valid; pair with
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = CohortStartDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface CohortStartDate {

	String message() default "{admin.cohort.startDate.range}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CohortStartDate, LocalDate> {

		static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

		static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
		}

	}

}
