package io.stepwise.demo;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo cohort once the application has started, so that a newcomer finds every
 * mentor view filled, and prints the demo accounts' generated passwords once, as the
 * administrator's is. A runner, because the bundled curricula it needs are imported only
 * as the context finishes its refresh; runners are called after that.
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoSeeder seeder;

	private final Settings settings;

	DemoData(DemoSeeder seeder, Settings settings) {
		this.seeder = seeder;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.enabled()) {
			return;
		}
		Optional<List<DemoAccount>> made;
		try {
			made = this.seeder.seedIfFree();
		}
		catch (RuntimeException ex) {
			// Two instances starting on one empty database both seed; the one that
			// commits second fails on the usernames and rolls back, which is fine.
			if (!this.seeder.mentorExists()) {
				throw ex;
			}
			log.info("The demo data was seeded by another instance starting at the same time");
			return;
		}
		made.ifPresent(DemoData::announce);
	}

	private static void announce(List<DemoAccount> accounts) {
		StringBuilder table = new StringBuilder();
		for (DemoAccount account : accounts) {
			table.append(String.format("        %-8s  %s   %s%s%n", account.username(), account.password(),
					account.displayName(), account.mentor() ? " (mentor)" : ""));
		}
		log.warn("""

				*** Demo data: created the cohort '{}' with a mentor and {} learners.
				    These are demo accounts. Log in as 'mentor' to see the mentor views.
				    Their generated passwords are shown only this once:

				{}
				    STEPWISE_DEMO_ENABLED=false keeps a new database free of them.
				""", DemoCast.COHORT, accounts.size() - 1, table);
	}

	/**
	 * @param enabled whether to seed the demo cohort on a start that finds the syllabus
	 * and none of the demo users; off under the {@code postgres} profile
	 */
	@ConfigurationProperties("stepwise.demo")
	record Settings(@DefaultValue("true") boolean enabled) {
	}

}
