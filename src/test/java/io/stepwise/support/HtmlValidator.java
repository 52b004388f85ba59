package io.stepwise.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (vnu), run in-process with the schemas and checkers its command
 * line uses (HTML5 with SVG, MathML and RDFa, the assertions and the table, microdata and
 * normalization checks). The schemas come from the validator's jar, so it works offline.
 * Setting it up takes a few seconds, so one checker serves the whole JVM, one document at
 * a time.
 */
public final class HtmlValidator {

	private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

	private static final Collector collector = new Collector();

	private static SimpleDocumentValidator validator;

	private HtmlValidator() {
	}

	/** An error the checker reports, where it is in the document, and what it says. */
	public record Problem(int line, int column, String message) {

		@Override
		public String toString() {
			return this.line + ":" + this.column + ": " + this.message;
		}

	}

	/** The errors in a text/html document; warnings and information are left out. */
	public static List<Problem> errors(String html) {
		return errors(html.getBytes(StandardCharsets.UTF_8));
	}

	/** The errors in the bytes of a text/html document encoded in UTF-8. */
	public static synchronized List<Problem> errors(byte[] html) {
		SimpleDocumentValidator checker = validator();
		collector.problems = new ArrayList<>();
		try {
			checker.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(html)));
			return List.copyOf(collector.problems);
		}
		catch (IOException | SAXException ex) {
			throw new IllegalStateException("The Nu checker failed on the document", ex);
		}
	}

	private static SimpleDocumentValidator validator() {
		if (validator == null) {
			// No log4j set-up, no logged URLs, no language detection (slow, and it only
			// warns).
			SimpleDocumentValidator created = new SimpleDocumentValidator(false, false, false);
			try {
				created.setUpMainSchema(SCHEMA, collector);
				created.setUpValidatorAndParsers(collector, true, false);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The Nu checker could not load its schema " + SCHEMA, ex);
			}
			validator = created;
		}
		return validator;
	}

	/**
	 * The checker keeps the error handler it was set up with; this one collects into the
	 * list of the document being checked.
	 */
	private static final class Collector implements ErrorHandler {

		private List<Problem> problems = new ArrayList<>();

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) {
			this.problems.add(problem(exception));
		}

		@Override
		public void fatalError(SAXParseException exception) {
			this.problems.add(problem(exception));
		}

		private static Problem problem(SAXParseException exception) {
			return new Problem(exception.getLineNumber(), exception.getColumnNumber(), exception.getMessage());
		}

	}

}
