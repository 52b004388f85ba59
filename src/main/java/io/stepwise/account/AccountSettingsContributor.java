package io.stepwise.account;

import org.springframework.ui.Model;

/**
 * Lets other modules add their own sections, such as a calendar feed, to the account page
 * without this module knowing about them.
 */
public interface AccountSettingsContributor {

	void contributeToSettings(AccountUser user, Model model);

}
