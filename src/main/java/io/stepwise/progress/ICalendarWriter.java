package io.stepwise.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) content lines: CRLF at the end of each, lines folded at 75
 * octets without splitting a character, and text values escaped so that no value can end
 * its line or start a property of its own.
 */
final class ICalendarWriter {

	static final String CRLF = "\r\n";

	/** Octets in a content line, not counting its CRLF (RFC 5545, 3.1). */
	static final int LINE_OCTETS = 75;

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	/** A property whose value is text (TEXT in RFC 5545, 3.3.11), escaped. */
	ICalendarWriter text(String name, String value) {
		return line(name + ":" + escape(value));
	}

	/** A property whose value is already in its form (a URI, a date, a keyword). */
	ICalendarWriter value(String nameAndParameters, String value) {
		return line(nameAndParameters + ":" + withoutControls(value));
	}

	/** An all-day date property, such as {@code DTSTART;VALUE=DATE:20270105}. */
	ICalendarWriter date(String name, LocalDate date) {
		return value(name + ";VALUE=DATE", DATE.format(date));
	}

	/** A moment in UTC, such as {@code DTSTAMP:20261202T011500Z}. */
	ICalendarWriter utc(String name, Instant instant) {
		return value(name, UTC_TIME.format(instant));
	}

	ICalendarWriter begin(String component) {
		return value("BEGIN", component);
	}

	ICalendarWriter end(String component) {
		return value("END", component);
	}

	private ICalendarWriter line(String line) {
		this.out.append(fold(line)).append(CRLF);
		return this;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/**
	 * Escapes backslash, semicolon and comma, writes line breaks as {@code \n}, and drops
	 * the other control characters, which TEXT does not allow.
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
				}
				default -> escaped.append(isControl(c) ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	private static String withoutControls(String value) {
		StringBuilder clean = new StringBuilder(value.length());
		value.chars().forEach((c) -> clean.append(isControl((char) c) ? ' ' : (char) c));
		return clean.toString();
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t') || c == 0x7f || c == '\u2028' || c == '\u2029';
	}

	/**
	 * Folds a line into parts of at most {@value #LINE_OCTETS} octets in UTF-8, each
	 * after the first starting with a space, never inside a character.
	 */
	static String fold(String line) {
		StringBuilder folded = new StringBuilder(line.length() + 8);
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int length = Character.charCount(codePoint);
			int size = utf8Octets(codePoint);
			if (octets + size > LINE_OCTETS) {
				folded.append(CRLF).append(' ');
				octets = 1;
			}
			folded.appendCodePoint(codePoint);
			octets += size;
			i += length;
		}
		return folded.toString();
	}

	private static int utf8Octets(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

}
