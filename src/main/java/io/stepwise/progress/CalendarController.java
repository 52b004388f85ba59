package io.stepwise.progress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.stepwise.account.AccountUser;
import io.stepwise.progress.CalendarFeeds.FeedChangedException;
import io.stepwise.system.PublicSite;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learner's calendar feed: the feed itself at a private address, opened by its token
 * alone without a login or a session, and the account page's buttons that turn it on,
 * replace its address and turn it off.
 */
@Controller
class CalendarController {

	static final String FEED_PATH = "/calendar/";

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	/**
	 * Calendar apps fetch every few hours; a revoked address may live this long there.
	 */
	private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate();

	private static final String SETTINGS = "redirect:/account";

	private final CalendarFeeds feeds;

	private final ProgressService progress;

	private final PlanCalendar calendar;

	private final PublicSite site;

	private final Clock clock;

	CalendarController(CalendarFeeds feeds, ProgressService progress, PlanCalendar calendar, PublicSite site,
			Clock clock) {
		this.feeds = feeds;
		this.progress = progress;
		this.calendar = calendar;
		this.site = site;
		this.clock = clock;
	}

	/** Unknown, replaced and revoked tokens all get the same bare 404. */
	@GetMapping(FEED_PATH + "{token}.ics")
	@ResponseBody
	ResponseEntity<String> feed(@PathVariable String token, Locale locale) {
		Optional<Long> account = this.feeds.accountOf(token);
		if (account.isEmpty()) {
			return ResponseEntity.notFound().headers(privateHeaders()).build();
		}
		String body = this.calendar.of(this.progress.plans(account.get()), CalendarFeeds.hash(token).substring(0, 16),
				this.clock.instant(), locale);
		return ResponseEntity.ok().headers(privateHeaders()).cacheControl(CACHING).contentType(CALENDAR).body(body);
	}

	private static HttpHeaders privateHeaders() {
		HttpHeaders headers = new HttpHeaders();
		// The token is in the address: links out of a calendar app must not carry it.
		headers.set("Referrer-Policy", "no-referrer");
		headers.set("X-Robots-Tag", "noindex");
		return headers;
	}

	@PostMapping("/account/calendar")
	String turnOn(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		boolean wasOn = this.feeds.since(user.id()).isPresent();
		redirect.addFlashAttribute("calendarUrl", urlOf(renew(user.id())));
		redirect.addFlashAttribute("message", wasOn ? "calendar.replaced" : "calendar.enabled");
		return SETTINGS;
	}

	@PostMapping("/account/calendar/replace")
	String replace(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("calendarUrl", urlOf(renew(user.id())));
		redirect.addFlashAttribute("message", "calendar.replaced");
		return SETTINGS;
	}

	@PostMapping("/account/calendar/disable")
	String turnOff(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
		this.feeds.turnOff(user.id());
		redirect.addFlashAttribute("message", "calendar.disabled");
		return SETTINGS;
	}

	private String renew(long accountId) {
		try {
			return this.feeds.renew(accountId);
		}
		catch (FeedChangedException ex) {
			// The other request made the feed; this one replaces its token.
			return this.feeds.renew(accountId);
		}
	}

	private String urlOf(String token) {
		return this.site.urlOf(FEED_PATH + token + ".ics");
	}

}
