package io.stepwise.system;

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
 * Text a person typed, free of control characters and of the bidirectional overrides that
 * make text read differently from what it is. Line breaks and tabs are allowed only in
 * multi-line text. {@code null} is valid; pair with {@code @NotBlank} where required.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{text.controlCharacters}";

	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		/** The rule itself, for code that checks text outside Bean Validation. */
		public static boolean isClean(String text, boolean multiline) {
			if (text == null) {
				return true;
			}
			return text.codePoints().allMatch((c) -> allowed(c, multiline));
		}

		private static boolean allowed(int c, boolean multiline) {
			if (c == '\n' || c == '\r' || c == '\t') {
				return multiline;
			}
			if (Character.getType(c) == Character.CONTROL) {
				return false;
			}
			// Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
			return !((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
		}

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return isClean(value, this.multiline);
		}

	}

}
