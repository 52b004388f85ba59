package io.stepwise.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A start date a person could mean: from {@link #EARLIEST} to five years from today. A
 * typo such as year 20260 or 0026 is refused before it anchors anyone's pace, and before
 * a database that cannot store it (PostgreSQL refuses, H2 mangles) sees it. {@code null}
 * is valid; pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = StartDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface StartDate {

	/** The earliest start date accepted anywhere. */
	LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** How many years ahead of today a start date may be. */
	int YEARS_AHEAD = 5;

	String message() default "{startDate.range}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<StartDate, LocalDate> {

		private final Clock clock;

		/** Where Bean Validation makes validators itself, outside the application. */
		public Validator() {
			this(Clock.systemUTC());
		}

		@Autowired
		public Validator(Clock clock) {
			this.clock = clock;
		}

		/** The rule itself, for code that checks a date outside Bean Validation. */
		public static boolean inRange(LocalDate date, Clock clock) {
			// A day of slack for time zones ahead of the clock's.
			LocalDate latest = LocalDate.now(clock).plusDays(1).plusYears(YEARS_AHEAD);
			return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(latest));
		}

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return inRange(value, this.clock);
		}

	}

}
