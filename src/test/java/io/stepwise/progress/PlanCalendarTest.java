package io.stepwise.progress;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.ProgressService.LearnerPlan;
import io.stepwise.system.PublicSite;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar of a plan, with hand-built weeks whose texts try to break out. */
class PlanCalendarTest {

	private static final Instant NOW = Instant.parse("2027-01-04T20:00:00Z");

	private final PlanCalendar calendar = new PlanCalendar(new PublicSite(URI.create("https://learn.example.org/x")),
			messages());

	private final WeekView hostile = new WeekView(10, 1, "Intro; a, b\\c", Curricula.PHASE_ID, List.of(),
			Curricula.skills(101), List.of(),
			List.of(new TaskView(111, 1, "Build it\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected",
					Curricula.CREATED), new TaskView(112, 2, "Ship, then; rest \\ done", Curricula.CREATED)),
			Curricula.CREATED);

	private final WeekView plain = Curricula.week(20, 2, Curricula.skills(201), List.of());

	private final CurriculumTree curriculum = Curricula.of(this.hostile, this.plain);

	@Test
	void hostileTaskTextStaysInsideTheDescription() {
		String written = of(LocalDate.of(2027, 1, 3));
		List<String> lines = lines(written);
		assertThat(lines.stream().filter("BEGIN:VEVENT"::equals)).hasSize(2);
		assertThat(lines.stream().filter("END:VEVENT"::equals)).hasSize(2);
		assertThat(lines.stream().filter((line) -> line.startsWith("SUMMARY:")))
			.containsExactly("SUMMARY:Test: week 1\\, Intro\\; a\\, b\\\\c", "SUMMARY:Test: week 2");
		assertThat(lines).contains("DESCRIPTION:Week page: https://learn.example.org/x/curricula/test/weeks/1"
				+ "\\n\\nProject tasks:\\n- Build it\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Injected"
				+ "\\n- Ship\\, then\\; rest \\\\ done");
		assertThat(lines).contains("DESCRIPTION:Week page: https://learn.example.org/x/curricula/test/weeks/2");
	}

	@Test
	void eventsAreAllDayFromTheFirstPlannedDayToTheDayAfterTheLast() {
		// Two weeks planned over two calendar weeks from a Sunday.
		List<String> lines = lines(of(LocalDate.of(2027, 1, 3)));
		assertThat(lines).containsSubsequence("DTSTART;VALUE=DATE:20270103", "DTEND;VALUE=DATE:20270110",
				"DTSTART;VALUE=DATE:20270110", "DTEND;VALUE=DATE:20270117");
		assertThat(lines).contains("URL;VALUE=URI:https://learn.example.org/x/curricula/test/weeks/1",
				"DTSTAMP:20270104T200000Z", "PRODID:" + PlanCalendar.PRODUCT);
	}

	@Test
	void uidsAreStablePerFeedAndWeekAndDifferAcrossFeeds() {
		List<String> first = uids(this.calendar.of(plans(LocalDate.of(2027, 1, 3)), "feed-a", NOW, Locale.ENGLISH));
		List<String> again = uids(
				this.calendar.of(plans(LocalDate.of(2027, 2, 1)), "feed-a", NOW.plusSeconds(3600), Locale.ENGLISH));
		List<String> other = uids(this.calendar.of(plans(LocalDate.of(2027, 1, 3)), "feed-b", NOW, Locale.ENGLISH));
		assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again).doesNotContainAnyElementsOf(other);
		assertThat(first).allMatch((uid) -> uid.endsWith("@learn.example.org"));
	}

	private String of(LocalDate start) {
		return this.calendar.of(plans(start), "feed-a", NOW, Locale.ENGLISH);
	}

	private List<LearnerPlan> plans(LocalDate start) {
		return List.of(new LearnerPlan(this.curriculum, Plan.of(start, 2, 2)));
	}

	private static List<String> lines(String written) {
		assertThat(written.replace("\r\n", "")).doesNotContain("\r", "\n");
		return Arrays.asList(ICalendarWriterTest.unfold(written).split("\r\n"));
	}

	private static List<String> uids(String written) {
		return lines(written).stream().filter((line) -> line.startsWith("UID:")).toList();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
