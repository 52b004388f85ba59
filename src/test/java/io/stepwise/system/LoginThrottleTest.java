package io.stepwise.system;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class LoginThrottleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void refusesLoginWith429AfterTenFailuresEvenWithTheRightPassword() throws Exception {
		AccountUser user = this.accounts.learner();
		String address = uniqueAddress();
		for (int i = 0; i < 10; i++) {
			login(user.getUsername(), "not the password at all", address).andExpect(redirectedUrl("/login?error"));
		}
		login(user.getUsername(), TestAccounts.PASSWORD, address).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")));
	}

	@Test
	void countsUnknownUsernamesLikeKnownOnesSoTheAnswerTellsNothing() throws Exception {
		String address = uniqueAddress();
		String unknown = "nobody-" + UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			login(unknown, "whatever password here", address).andExpect(redirectedUrl("/login?error"));
		}
		login(unknown, "whatever password here", address).andExpect(status().isTooManyRequests());
	}

	@Test
	void successfulLoginClearsTheAccountsFailures() throws Exception {
		AccountUser user = this.accounts.learner();
		String address = uniqueAddress();
		for (int i = 0; i < 9; i++) {
			login(user.getUsername(), "not the password at all", address);
		}
		login(user.getUsername(), TestAccounts.PASSWORD, address).andExpect(redirectedUrl("/dashboard"));
		login(user.getUsername(), "not the password at all", address).andExpect(redirectedUrl("/login?error"));
		login(user.getUsername(), TestAccounts.PASSWORD, address).andExpect(redirectedUrl("/dashboard"));
	}

	@Test
	void blocksAnAddressTryingManyAccountsAndLetsItGoWhenTheWindowEnds() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactionManager, clock, 100, 3,
				Duration.ofMinutes(15));
		String address = uniqueAddress();
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.beginLogin("someone-" + UUID.randomUUID(), address)).isEmpty();
		}
		assertThat(throttle.beginLogin("anyone-else", address)).contains(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.beginLogin("anyone-else", address)).contains(Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.beginLogin("someone-" + UUID.randomUUID(), address)).isEmpty();
		assertThat(throttle.beginLogin("someone-" + UUID.randomUUID(), address)).isEmpty();
	}

	@Test
	void aRightPasswordGivesTheAddressItsAttemptBackAndAnUncheckedOneCountsForNothing() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactionManager, clock, 2, 2,
				Duration.ofMinutes(15));
		String address = uniqueAddress();
		String name = "someone-" + UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.beginLogin(name, address)).isEmpty();
			throttle.passwordRight(name, address);
		}
		assertThat(throttle.beginLogin(name, address)).isEmpty();
		throttle.notChecked(name, address);
		assertThat(throttle.beginLogin(name, address)).isEmpty();
		assertThat(throttle.beginLogin(name, address)).isEmpty();
		assertThat(throttle.beginLogin(name, address)).isPresent();
	}

	@Test
	void aPasswordCheckCountsInTheAccountsLoginCount() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactionManager, clock, 3, 100,
				Duration.ofMinutes(15));
		String name = "someone-" + UUID.randomUUID();
		assertThat(throttle.beginLogin(name, uniqueAddress())).isEmpty();
		assertThat(throttle.beginPasswordCheck(name)).isEmpty();
		assertThat(throttle.beginPasswordCheck(name.toUpperCase())).isEmpty();
		assertThat(throttle.beginLogin(name, uniqueAddress())).contains(Duration.ofMinutes(15));
		assertThat(throttle.beginPasswordCheck(name)).contains(Duration.ofMinutes(15));
		throttle.passwordRight(name, null);
		assertThat(throttle.beginPasswordCheck(name)).isEmpty();
	}

	private ResultActions login(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}));
	}

	private static String uniqueAddress() {
		return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
				+ (int) (Math.random() * 250);
	}

}
