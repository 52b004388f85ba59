package io.stepwise.account;

import java.time.Clock;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs the bootstrap against its own empty database, so there is no administrator yet;
 * every test rolls back, so each one starts without an administrator again.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:admin-bootstrap;MODE=PostgreSQL;"
		+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@Import({ AccountService.class, PasswordPolicy.class, PasswordConfiguration.class, AccountUserDetailsService.class })
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

	private static final Pattern GENERATED = Pattern.compile("with the password\\s+(\\S+)");

	@Autowired
	AccountService accounts;

	@Autowired
	AccountUserDetailsService users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void startsWithoutAnAdministrator() {
		assertThat(admins()).isZero();
	}

	@Test
	void createsTheAdministratorWithTheConfiguredPassword(CapturedOutput output) {
		String configured = "violet kestrel under the bridge";
		bootstrap(configured).afterSingletonsInstantiated();

		assertThat(admins()).isOne();
		assertThat(this.jdbc.queryForObject("select role from app_user where username = 'admin'", String.class))
			.isEqualTo("ADMIN");
		assertThat(logIn("admin", configured).getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_ADMIN");
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> logIn("admin", "violet kestrel"));
		assertThat(output.getAll()).contains("created the administrator 'admin'").doesNotContain(configured);
	}

	@Test
	void generatesAPasswordAndLogsItExactlyOnce(CapturedOutput output) {
		bootstrap("").afterSingletonsInstantiated();

		String password = generatedPassword(output.getAll());
		assertThat(occurrences(output.getAll(), password)).isOne();
		assertThat(password).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
		assertThat(logIn("admin", password).getName()).isEqualTo("admin");
		assertThat(admins()).isOne();
	}

	@Test
	void createsNothingAndLogsNothingWhenAnAdministratorExists(CapturedOutput output) {
		bootstrap("").afterSingletonsInstantiated();
		String first = generatedPassword(output.getAll());
		int before = output.getAll().length();

		bootstrap("").afterSingletonsInstantiated();
		bootstrap("another configured passphrase").afterSingletonsInstantiated();

		assertThat(admins()).isOne();
		assertThat(output.getAll().substring(before)).doesNotContain("administrator").doesNotContain("password");
		assertThat(occurrences(output.getAll(), first)).isOne();
		assertThat(logIn("admin", first).getName()).isEqualTo("admin");
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void generatesADifferentPasswordOnEveryFirstStart(CapturedOutput output) {
		// Two first starts on an empty database, each undone: no fixed default password.
		String first = firstStartRolledBack(output);
		String second = firstStartRolledBack(output);
		assertThat(first).isNotEqualTo(second);
		assertThat(admins()).isZero();
	}

	@Test
	void refusesToStartWithATooWeakConfiguredPassword(CapturedOutput output) {
		for (String weak : new String[] { "password123456", "short", "admin-is-the-boss-here" }) {
			assertThatIllegalStateException().isThrownBy(() -> bootstrap(weak).afterSingletonsInstantiated())
				.withMessageContaining("STEPWISE_ADMIN_PASSWORD is not allowed")
				.withMessageContaining("at least 12 characters")
				.withMessageNotContaining(weak);
			assertThat(output.getAll()).doesNotContain(weak);
		}
		assertThat(admins()).isZero();
	}

	@Test
	void refusesToStartWhenTheAdministratorsNameBelongsToALearner() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		transaction.executeWithoutResult((status) -> {
			this.accounts.signUp(new SignupForm("admin", "not-the-admin@example.org", "Not the admin",
					"a learner who picked a confusing name", "UTC"));
			assertThatIllegalStateException()
				.isThrownBy(() -> bootstrap("a perfectly fine admin passphrase").afterSingletonsInstantiated())
				.withMessageContaining("'admin' exists but is not one")
				.withMessageContaining("STEPWISE_ADMIN_USERNAME");
			assertThat(admins()).isZero();
			status.setRollbackOnly();
		});
	}

	@Test
	void theShippedConfigurationHasNoAdministratorPassword() throws Exception {
		for (String file : new String[] { "application.properties", "application-postgres.properties" }) {
			Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(file));
			assertThat(properties.getProperty("stepwise.admin.password", "${STEPWISE_ADMIN_PASSWORD:}")).as(file)
				.isEqualTo("${STEPWISE_ADMIN_PASSWORD:}");
		}
	}

	private String firstStartRolledBack(CapturedOutput output) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		return transaction.execute((status) -> {
			int before = output.getAll().length();
			bootstrap("").afterSingletonsInstantiated();
			String password = generatedPassword(output.getAll().substring(before));
			assertThat(logIn("admin", password).getName()).isEqualTo("admin");
			status.setRollbackOnly();
			return password;
		});
	}

	private AdminBootstrap bootstrap(String password) {
		return new AdminBootstrap(this.accounts, "admin", "admin@stepwise.invalid", password);
	}

	private Authentication logIn(String username, String password) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(this.users);
		provider.setPasswordEncoder(this.passwordEncoder);
		return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
	}

	private int admins() {
		return this.jdbc.queryForObject("select count(*) from app_user where role = 'ADMIN'", Integer.class);
	}

	private static String generatedPassword(String log) {
		Matcher matcher = GENERATED.matcher(log);
		assertThat(matcher.find()).as("a generated password in the log:%n%s", log).isTrue();
		return matcher.group(1);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
