package io.stepwise.progress;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.curriculum.CurriculumTree.TaskView;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import io.stepwise.progress.Plan.PlannedWeek;
import io.stepwise.progress.ProgressService.LearnerPlan;
import io.stepwise.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * A learner's plans as one calendar: an all-day event for each planned week of every
 * curriculum they follow, linking to the week's page and listing its project tasks. It
 * carries the plan and nothing else about the learner.
 */
@Component
class PlanCalendar {

	static final String PRODUCT = "-//Stepwise//Learning plan//EN";

	private final PublicSite site;

	private final MessageSource messages;

	PlanCalendar(PublicSite site, MessageSource messages) {
		this.site = site;
		this.messages = messages;
	}

	/**
	 * @param feedKey what makes the events' UIDs this feed's own: the same for every
	 * download of the feed, different for another feed
	 */
	String of(List<LearnerPlan> plans, String feedKey, Instant now, Locale locale) {
		ICalendarWriter calendar = new ICalendarWriter().begin("VCALENDAR")
			.value("VERSION", "2.0")
			.text("PRODID", PRODUCT)
			.value("CALSCALE", "GREGORIAN")
			.value("METHOD", "PUBLISH")
			.text("X-WR-CALNAME", message("calendar.name", locale))
			.value("REFRESH-INTERVAL;VALUE=DURATION", "PT12H")
			.value("X-PUBLISHED-TTL", "PT12H");
		String host = this.site.publicUrl().getHost();
		for (LearnerPlan plan : plans) {
			CurriculumTree curriculum = plan.curriculum();
			for (WeekView week : curriculum.weeks()) {
				PlannedWeek planned = plan.plan().week(week.number());
				if (planned != null) {
					event(calendar, curriculum, week, planned, "week-" + week.id() + "-" + feedKey + "@" + host, now,
							locale);
				}
			}
		}
		return calendar.end("VCALENDAR").toString();
	}

	private void event(ICalendarWriter calendar, CurriculumTree curriculum, WeekView week, PlannedWeek planned,
			String uid, Instant now, Locale locale) {
		String url = this.site
			.urlOf("/curricula/" + UriUtils.encodePathSegment(curriculum.slug(), "UTF-8") + "/weeks/" + week.number());
		String summary = week.hasTitle()
				? message("calendar.event.summaryTitled", locale, curriculum.title(), week.number(), week.title())
				: message("calendar.event.summary", locale, curriculum.title(), week.number());
		StringBuilder description = new StringBuilder(message("calendar.event.link", locale, url));
		if (!week.tasks().isEmpty()) {
			description.append("\n\n").append(message("calendar.event.tasks", locale));
			for (TaskView task : week.tasks()) {
				description.append("\n- ").append(task.text());
			}
		}
		calendar.begin("VEVENT")
			.text("UID", uid)
			.utc("DTSTAMP", now)
			.date("DTSTART", planned.first())
			.date("DTEND", planned.end())
			.text("SUMMARY", summary)
			.value("URL;VALUE=URI", url)
			.text("DESCRIPTION", description.toString())
			.value("TRANSP", "TRANSPARENT")
			.end("VEVENT");
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
