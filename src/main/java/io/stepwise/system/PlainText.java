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
 * Text a person typed, free of what makes text read differently from what it is or breaks
 * what stores and shows it:
 * <ul>
 * <li>control characters: C0 (NUL included), DEL and C1; tab, line feed and carriage
 * return are allowed only in multi-line text ({@code multiline = true}: notes, feedback,
 * Markdown bodies), never in a single-line field (names, titles, links);</li>
 * <li>the bidirectional embeddings, overrides and isolates U+202A-U+202E and
 * U+2066-U+2069, which reorder what is shown (the "Trojan Source" characters);</li>
 * <li>the line and paragraph separators U+2028 and U+2029, line breaks by another
 * name;</li>
 * <li>a lone surrogate, which is no character at all and cannot be stored as UTF-8.</li>
 * </ul>
 * The marks U+200E, U+200F and U+061C stay allowed: they are how right-to-left names are
 * written correctly, and only set the direction of neutral characters next to them
 * instead of reordering text. {@code null} is valid; pair with {@code @NotBlank} where
 * required.
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
			return firstRefused(text, multiline) < 0;
		}

		/**
		 * Where the first character the rule refuses is.
		 * @return its index in the text, or -1 when the text is clean (or null)
		 */
		public static int firstRefused(String text, boolean multiline) {
			if (text == null) {
				return -1;
			}
			for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
				if (!allowed(text.codePointAt(i), multiline)) {
					return i;
				}
			}
			return -1;
		}

		private static boolean allowed(int c, boolean multiline) {
			if (c == '\n' || c == '\r' || c == '\t') {
				return multiline;
			}
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR) {
				return false;
			}
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
