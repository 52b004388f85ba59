package io.stepwise.progress;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.stepwise.progress.Plan.PlannedWeek;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The planned days in words, with the application's own messages. */
class PlanDatesTest {

	private final PlanDates dates = new PlanDates(messages());

	@Test
	void daysInOneMonthNameTheMonthOnce() {
		assertThat(span(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 11))).isEqualTo("5–11 January");
	}

	@Test
	void daysAcrossMonthsNameBoth() {
		assertThat(span(LocalDate.of(2027, 1, 26), LocalDate.of(2027, 2, 1))).isEqualTo("26 January – 1 February");
	}

	@Test
	void daysAcrossYearsNameTheYears() {
		assertThat(span(LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 4)))
			.isEqualTo("29 December 2026 – 4 January 2027");
	}

	@Test
	void aSingleDayIsOneDate() {
		PlanDates.Span span = this.dates.span(new PlannedWeek(1, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2)),
				Locale.ENGLISH);
		assertThat(span.isSingleDay()).isTrue();
		assertThat(span.toString()).isEqualTo("2 March");
	}

	@Test
	void aDayNamesItsYearOnlyWhenItIsNotThisYear() {
		LocalDate today = LocalDate.of(2026, 12, 30);
		assertThat(this.dates.day(LocalDate.of(2026, 12, 31), today, Locale.ENGLISH)).isEqualTo("31 December");
		assertThat(this.dates.day(LocalDate.of(2027, 1, 5), today, Locale.ENGLISH)).isEqualTo("5 January 2027");
	}

	@Test
	void monthNamesFollowTheLocale() {
		assertThat(
				this.dates.span(new PlannedWeek(1, LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 11)), Locale.GERMAN)
					.toString())
			.isEqualTo("5–11 Januar");
	}

	private String span(LocalDate first, LocalDate last) {
		return this.dates.span(new PlannedWeek(1, first, last), Locale.ENGLISH).toString();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
