package io.stepwise.progress;

import java.time.ZonedDateTime;

import io.stepwise.account.AccountSettingsContributor;
import io.stepwise.account.AccountUser;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The calendar section of the account page: whether the feed is on, and since when. */
@Component
class CalendarSettingsContributor implements AccountSettingsContributor {

	private final CalendarFeeds feeds;

	CalendarSettingsContributor(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@Override
	public void contributeToSettings(AccountUser user, Model model) {
		model.addAttribute("calendarFeed",
				new FeedState(this.feeds.since(user.id()).map((since) -> since.atZone(user.zone())).orElse(null)));
	}

	/**
	 * @param since when the current address was made, in the user's zone; null when off
	 */
	record FeedState(ZonedDateTime since) {

		public boolean isOn() {
			return this.since != null;
		}

	}

}
