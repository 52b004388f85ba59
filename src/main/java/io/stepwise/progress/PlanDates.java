package io.stepwise.progress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.stepwise.progress.Plan.PlannedWeek;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Planned days in words, in the request's locale, with the patterns and separators from
 * the messages: "5–11 January", "29 December – 4 January", and with years across a new
 * year. Templates call it as {@code ${@planDates.span(week)}}.
 */
@Component("planDates")
public class PlanDates {

	private final MessageSource messages;

	PlanDates(MessageSource messages) {
		this.messages = messages;
	}

	public Span span(PlannedWeek week) {
		return span(week, LocaleContextHolder.getLocale());
	}

	Span span(PlannedWeek week, Locale locale) {
		LocalDate first = week.first();
		LocalDate last = week.last();
		if (first.equals(last)) {
			return new Span(format(first, "plan.date.dayMonth", locale), null, null);
		}
		if (first.getYear() != last.getYear()) {
			return new Span(format(first, "plan.date.dayMonthYear", locale), text("plan.range.separator", locale),
					format(last, "plan.date.dayMonthYear", locale));
		}
		if (first.getMonth() != last.getMonth()) {
			return new Span(format(first, "plan.date.dayMonth", locale), text("plan.range.separator", locale),
					format(last, "plan.date.dayMonth", locale));
		}
		return new Span(format(first, "plan.date.day", locale), text("plan.range.sameMonth", locale),
				format(last, "plan.date.dayMonth", locale));
	}

	/** A single day, with its year when that is not the year of {@code today}. */
	public String day(LocalDate date, LocalDate today) {
		return day(date, today, LocaleContextHolder.getLocale());
	}

	String day(LocalDate date, LocalDate today, Locale locale) {
		return format(date, (date.getYear() == today.getYear()) ? "plan.date.dayMonth" : "plan.date.dayMonthYear",
				locale);
	}

	private String format(LocalDate date, String patternKey, Locale locale) {
		return DateTimeFormatter.ofPattern(text(patternKey, locale), locale).format(date);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/**
	 * A span of days as words: {@code from}, then {@code separator} and {@code to} unless
	 * it is a single day.
	 */
	public record Span(String from, String separator, String to) {

		public boolean isSingleDay() {
			return this.to == null;
		}

		@Override
		public String toString() {
			return isSingleDay() ? this.from : this.from + this.separator + this.to;
		}

	}

}
