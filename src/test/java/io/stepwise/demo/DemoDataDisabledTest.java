package io.stepwise.demo;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountDirectory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stays out of the way unless asked for: tests and the {@code postgres} profile
 * switch it off.
 */
@SpringBootTest
@ActiveProfiles("test")
class DemoDataDisabledTest {

	@Autowired
	DemoData demo;

	@Autowired
	DemoData.Settings settings;

	@Autowired
	AccountDirectory accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void seedsNothingWhenSwitchedOffEvenWithTheSyllabusThere() {
		assertThat(this.settings.enabled()).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from curriculum where slug = ?", Integer.class,
				DemoCast.SYLLABUS))
			.isOne();

		this.demo.run(null);

		assertThat(this.accounts.findByUsernameOrEmail("mentor")).isEmpty();
		assertThat(
				this.jdbc.queryForObject("select count(*) from cohort where name = ?", Integer.class, DemoCast.COHORT))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where email like '%@demo.stepwise.invalid'",
				Integer.class))
			.isZero();
	}

	@Test
	void isOnByDefaultAndOffUnderThePostgresProfile() throws Exception {
		Properties shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		assertThat(shipped.getProperty("stepwise.demo.enabled")).isNull();
		DemoData.Settings unset = new Binder(new MapConfigurationPropertySource()).bindOrCreate("stepwise.demo",
				DemoData.Settings.class);
		assertThat(unset.enabled()).isTrue();
		Properties postgres = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("application-postgres.properties"));
		assertThat(postgres.getProperty("stepwise.demo.enabled")).isEqualTo("false");
	}

}
