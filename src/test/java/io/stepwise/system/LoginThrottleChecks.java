package io.stepwise.system;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bursts of parallel wrong passwords against the throttle's limit of 10: no more than 10
 * reach the password check, whatever the timing, and the rest are 429 with Retry-After.
 * Run on each database, because the counting rests on the database's row lock. Hashing
 * may wait long here, so a slow machine shows throttling and not a busy 503.
 */
@SpringBootTest(properties = { "stepwise.login.account-limit=10", "stepwise.login.address-limit=100",
		"stepwise.login.hashing.max-wait=60s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestAccounts.class, CountingPasswords.class })
abstract class LoginThrottleChecks {

	static final int BURST = 40;

	static final int LIMIT = 10;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	ExecutorService executor;

	@BeforeEach
	void startThreads() {
		this.executor = Executors.newFixedThreadPool(BURST);
	}

	@AfterEach
	void stopThreads() {
		this.executor.shutdownNow();
	}

	@Test
	void aParallelBurstOfWrongPasswordsGetsNoMoreChecksThanTheLimit() throws Exception {
		AccountUser learner = this.accounts.learner();
		String wrong = "wrong password " + UUID.randomUUID();
		String address = "198.51.100." + (int) (Math.random() * 250);

		List<MockHttpServletResponse> responses = burst(() -> login(learner.getUsername(), wrong).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}));

		assertThat(CountingPasswords.checksOf(wrong)).isEqualTo(LIMIT);
		assertThat(responses).filteredOn((response) -> response.getStatus() == 302)
			.hasSize(LIMIT)
			.allSatisfy((response) -> assertThat(response.getRedirectedUrl()).isEqualTo("/login?error"));
		assertThat(responses).filteredOn((response) -> response.getStatus() == 429)
			.hasSize(BURST - LIMIT)
			.allSatisfy((response) -> assertThat(response.getHeader("Retry-After")).matches("[1-9]\\d*"));
		assertThat(this.jdbc.queryForObject("select failures from login_attempt where attempt_key = ?", Integer.class,
				"account:" + learner.getUsername()))
			.as("refused attempts count for nothing")
			.isEqualTo(LIMIT);
	}

	@Test
	void aParallelBurstFromManyAddressesIsStillLimitedPerAccount() throws Exception {
		AccountUser learner = this.accounts.learner();
		String wrong = "wrong password " + UUID.randomUUID();
		List<MockHttpServletResponse> responses = burst(() -> {
			String address = "203.0.113." + (int) (Math.random() * 250);
			return login(learner.getUsername(), wrong).with((request) -> {
				request.setRemoteAddr(address);
				return request;
			});
		});

		assertThat(CountingPasswords.checksOf(wrong)).isEqualTo(LIMIT);
		assertThat(responses).filteredOn((response) -> response.getStatus() == 429).hasSize(BURST - LIMIT);
	}

	@Test
	void aParallelBurstOfPasswordChangesGetsNoMoreChecksThanTheLimitAndChangesNothing() throws Exception {
		AccountUser learner = this.accounts.learner();
		String hashBefore = passwordHash(learner);
		String wrong = "wrong password " + UUID.randomUUID();

		List<MockHttpServletResponse> responses = burst(() -> post("/account/password").with(user(learner))
			.with(csrf())
			.param("currentPassword", wrong)
			.param("newPassword", "another long and unusual passphrase"));

		assertThat(CountingPasswords.checksOf(wrong)).isEqualTo(LIMIT);
		assertThat(responses).filteredOn((response) -> response.getStatus() == 200).hasSize(LIMIT);
		assertThat(responses).filteredOn((response) -> response.getStatus() == 429)
			.hasSize(BURST - LIMIT)
			.allSatisfy((response) -> {
				assertThat(response.getHeader("Retry-After")).matches("[1-9]\\d*");
				assertThat(response.getContentAsString()).contains("Too many wrong passwords for this account.");
			});
		assertThat(passwordHash(learner)).isEqualTo(hashBefore);
	}

	private List<MockHttpServletResponse> burst(Callable<MockHttpServletRequestBuilder> requests) throws Exception {
		CountDownLatch ready = new CountDownLatch(BURST);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			MockHttpServletRequestBuilder request = requests.call();
			futures.add(this.executor.submit(() -> {
				ready.countDown();
				go.await();
				return this.mvc.perform(request).andReturn().getResponse();
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<MockHttpServletResponse> responses = new ArrayList<>();
		for (Future<MockHttpServletResponse> future : futures) {
			responses.add(future.get(120, TimeUnit.SECONDS));
		}
		return responses;
	}

	private String passwordHash(AccountUser user) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user.id());
	}

	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

}
