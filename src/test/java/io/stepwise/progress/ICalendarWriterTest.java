package io.stepwise.progress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarWriterTest {

	@Test
	void everyLineEndsWithCrlf() {
		String written = new ICalendarWriter().begin("VCALENDAR").value("VERSION", "2.0").end("VCALENDAR").toString();
		assertThat(written).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
	}

	@Test
	void datesAndMomentsTakeTheirBasicForms() {
		String written = new ICalendarWriter().date("DTSTART", LocalDate.of(2027, 1, 5))
			.utc("DTSTAMP", Instant.parse("2026-12-02T01:15:30.123456Z"))
			.toString();
		assertThat(written).isEqualTo("DTSTART;VALUE=DATE:20270105\r\nDTSTAMP:20261202T011530Z\r\n");
	}

	@Test
	void textEscapesBackslashSemicolonCommaAndLineBreaks() {
		assertThat(ICalendarWriter.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
	}

	@Test
	void hostileTextCannotStartAPropertyOfItsOwn() {
		String hostile = "Task\r\nEND:VEVENT\r\nBEGIN:VEVENT\nATTACH:http://evil.example\u0000\u000b;x=1,y";
		String written = unfold(new ICalendarWriter().text("DESCRIPTION", hostile).toString());
		assertThat(written.split("\r\n", -1)).hasSize(2).endsWith("");
		assertThat(written).doesNotContain("\nEND:VEVENT", "\nATTACH", "\u0000", "\u000b")
			.startsWith("DESCRIPTION:Task\\nEND:VEVENT\\nBEGIN:VEVENT\\nATTACH:http://evil.example  \\;x=1\\,y");
		// Values that are not text lose line breaks as well.
		assertThat(new ICalendarWriter().value("URL", "http://a\r\nX:1").toString()).isEqualTo("URL:http://a  X:1\r\n");
	}

	@Test
	void longLinesFoldAtSeventyFiveOctetsWithoutSplittingACharacter() {
		String text = "Ünïcödé ✓ 😀 ".repeat(40);
		String written = new ICalendarWriter().text("SUMMARY", text).toString();
		String[] lines = written.split("\r\n");
		assertThat(lines).hasSizeGreaterThan(5);
		for (int i = 0; i < lines.length; i++) {
			byte[] octets = lines[i].getBytes(StandardCharsets.UTF_8);
			assertThat(octets.length).as("line %d", i).isLessThanOrEqualTo(75);
			// Each part is whole UTF-8: it decodes to itself.
			assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(lines[i]);
			assertThat(lines[i]).doesNotContain("\uFFFD");
			if (i > 0) {
				assertThat(lines[i]).startsWith(" ");
			}
		}
		assertThat(unfold(written)).isEqualTo("SUMMARY:" + text + "\r\n");
	}

	@Test
	void aLineOfExactlySeventyFiveOctetsStaysWhole() {
		String line = "X".repeat(75);
		assertThat(ICalendarWriter.fold(line)).isEqualTo(line);
		assertThat(ICalendarWriter.fold(line + "Y")).isEqualTo(line + "\r\n Y");
	}

	/** Unfolding as RFC 5545 3.1 says: a CRLF followed by one space goes. */
	static String unfold(String folded) {
		return folded.replace("\r\n ", "");
	}

}
