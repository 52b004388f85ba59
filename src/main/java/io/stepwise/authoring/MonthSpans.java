package io.stepwise.authoring;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stepwise.curriculum.MonthSpan;

/** Reads month spans from heading text: "Month 1", "Month 2-3", "Months 7-12". */
final class MonthSpans {

	private static final String SPAN = "months?\\s+(\\d{1,4})(?:\\s*(?:[-–—]|to)\\s*(\\d{1,4}))?";

	/** A syllabus heading: "Month 1 – Foundations", "Months 2-3: Core". */
	private static final Pattern LEADING = Pattern.compile("(?iu)^" + SPAN + "(?:(?:\\s*[-–—:]\\s*|\\s+)(.*))?$");

	/** A roadmap heading: "Phase 1: Django Fundamentals (Month 2-3)". */
	private static final Pattern BRACKETED = Pattern.compile("(?iu)\\(\\s*" + SPAN + "\\s*\\)");

	private static final Pattern DANGLING_SEPARATORS = Pattern.compile("[\\s\\-–—:,]+$");

	private MonthSpans() {
	}

	static boolean startsWithSpan(String heading) {
		return LEADING.matcher(heading).matches();
	}

	static boolean containsSpan(String heading) {
		return BRACKETED.matcher(heading).find();
	}

	/** The span and the title after it, for a heading that starts with a span. */
	static Optional<Titled> leading(String heading, int line) {
		Matcher matcher = LEADING.matcher(heading);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String title = (matcher.group(3) != null) ? matcher.group(3).strip() : "";
		return Optional.of(new Titled(title.isEmpty() ? heading : title, span(matcher, line)));
	}

	/** The span in parentheses and the heading without it. */
	static Optional<Titled> bracketed(String heading, int line) {
		Matcher matcher = BRACKETED.matcher(heading);
		if (!matcher.find()) {
			return Optional.empty();
		}
		String rest = heading.substring(0, matcher.start()) + " " + heading.substring(matcher.end());
		String title = DANGLING_SEPARATORS.matcher(rest.replaceAll("\\s+", " ").strip()).replaceAll("");
		return Optional.of(new Titled(title, span(matcher, line)));
	}

	private static MonthSpan span(Matcher matcher, int line) {
		int from = Integer.parseInt(matcher.group(1));
		int to = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : from;
		if (from < 1 || to < from) {
			throw new CurriculumFormatException(line, "month span " + from + "-" + to
					+ " is not valid; months start at 1 and a span must not end before it starts");
		}
		return new MonthSpan(from, to);
	}

	/** Heading text with its month span taken out. */
	record Titled(String title, MonthSpan months) {
	}

}
