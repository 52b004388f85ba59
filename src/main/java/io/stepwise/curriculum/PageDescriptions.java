package io.stepwise.curriculum;

import java.util.regex.Pattern;

import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code <meta name="description">} of the curriculum pages: what a search result
 * shows under the title, so it names the curriculum and, for the overview, starts the way
 * its intro does. Plain text; the template escapes it.
 */
@Component
class PageDescriptions {

	/** Search engines show about this many characters. */
	static final int MAX_LENGTH = 155;

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	/** Citation markers such as [12]: they mean nothing out of the page. */
	private static final Pattern CITATION = Pattern.compile("\\[\\d{1,4}]");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final MessageSource messages;

	PageDescriptions(MessageSource messages) {
		this.messages = messages;
	}

	String overview(CurriculumTree curriculum) {
		String intro = plainText(curriculum.introHtml());
		if (intro.isEmpty()) {
			// Without an intro, the phases say what the curriculum covers.
			String phases = String.join("; ", curriculum.phases().stream().map(PhaseView::title).toList());
			return truncate(message("curriculum.description.overview.phases", curriculum.title(),
					String.valueOf(curriculum.weekCount()), phases), MAX_LENGTH);
		}
		return truncate(message("curriculum.description.overview", curriculum.title(), intro), MAX_LENGTH);
	}

	String week(CurriculumTree curriculum, PhaseView phase, WeekView week) {
		String title = week.hasTitle() ? ": " + week.title() : "";
		return truncate(message("curriculum.description.week", String.valueOf(week.number()), title, phase.title(),
				curriculum.title()), MAX_LENGTH);
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/**
	 * The text of HTML the content renderer made: its markup is tags only (text in the
	 * source that looks like markup was escaped), so dropping the tags and decoding the
	 * entities leaves the words as the page shows them.
	 */
	static String plainText(String html) {
		if (html == null) {
			return "";
		}
		String text = HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll(" "));
		text = CITATION.matcher(text).replaceAll("");
		return SPACE.matcher(text).replaceAll(" ").strip().replaceAll(" ([.,;:!?])", "$1");
	}

	/**
	 * At most {@code max} characters, cut at a word boundary with an ellipsis when the
	 * text is longer; never in the middle of a surrogate pair.
	 */
	static String truncate(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		int space = text.lastIndexOf(' ', end);
		if (space > max / 2) {
			end = space;
		}
		else if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end).replaceAll("[\\s.,;:!?\u2013\u2014-]+$", "") + "\u2026";
	}

}
