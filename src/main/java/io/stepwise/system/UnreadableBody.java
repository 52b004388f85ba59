package io.stepwise.system;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

import io.stepwise.system.ApiExceptionHandler.FieldProblem;

/**
 * Says what was wrong with a JSON body that could not be read: the member that is unknown
 * or of the wrong type, or where the document stops being JSON. Only names from the API
 * and positions are given back, never the client's text or Jackson's own message, which
 * can quote it.
 */
final class UnreadableBody {

	private UnreadableBody() {
	}

	static String detail(HttpMessageNotReadableException ex) {
		JacksonException cause = jacksonCause(ex);
		if (cause instanceof UnrecognizedPropertyException) {
			return "Unknown member in the request body.";
		}
		if (cause instanceof DatabindException) {
			return "A member of the request body has the wrong type.";
		}
		if (cause instanceof StreamReadException) {
			TokenStreamLocation at = cause.getLocation();
			return (at != null && at.getLineNr() > 0)
					? "Malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + "."
					: "Malformed JSON.";
		}
		if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
			return "A request body is required.";
		}
		return "The request body could not be read as JSON.";
	}

	static List<FieldProblem> errors(HttpMessageNotReadableException ex) {
		JacksonException cause = jacksonCause(ex);
		if (!(cause instanceof DatabindException)) {
			return List.of();
		}
		String field = path(cause);
		if (cause instanceof UnrecognizedPropertyException) {
			return List.of(new FieldProblem(field, "Unknown member."));
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return List.of(new FieldProblem(field.isEmpty() ? "(body)" : field,
					"Must be " + expected(mismatch.getTargetType()) + "."));
		}
		return List.of(new FieldProblem(field.isEmpty() ? "(body)" : field, "Not a valid value."));
	}

	private static JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/** {@code startDate}, or {@code items[2].name} inside arrays and objects. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type == String.class) {
			return "a text";
		}
		if (type == LocalDate.class) {
			return "a date written YYYY-MM-DD";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		return "a JSON object";
	}

}
