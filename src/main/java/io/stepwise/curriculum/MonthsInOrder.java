package io.stepwise.curriculum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A phase's last month does not come before its first. Reported on the last month's
 * field, where the admin corrects it.
 */
@Documented
@Constraint(validatedBy = MonthsInOrder.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface MonthsInOrder {

	String message() default "{admin.curriculum.phase.months.order}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<MonthsInOrder, PhaseForm> {

		@Override
		public boolean isValid(PhaseForm form, ConstraintValidatorContext context) {
			if (form == null || form.monthFrom() == null || form.monthTo() == null
					|| form.monthTo() >= form.monthFrom()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("monthTo")
				.addConstraintViolation();
			return false;
		}

	}

}
