package io.stepwise.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A write refused for its CSRF token is a security event, whoever sends it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
@ExtendWith(OutputCaptureExtension.class)
class CsrfRefusalEventTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aWriteWithoutAValidTokenIsRefusedAndLogged(CapturedOutput output) throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc.perform(
				post("/account/profile").param("displayName", "No Token").param("timeZone", "UTC").with(user(learner)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/profile").param("displayName", "Wrong Token")
				.param("timeZone", "UTC")
				.with(user(learner))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());

		assertThat(output.getOut().lines().filter((line) -> line.contains("event=csrf-refused"))).hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("user=\"" + learner.getUsername() + "\"")
				.contains("method=\"POST\"")
				.contains("path=\"/account/profile\""));
	}

	@Test
	void aWriteWithItsTokenIsNotAnEvent(CapturedOutput output) throws Exception {
		AccountUser learner = this.accounts.learner();
		this.mvc
			.perform(post("/account/profile").param("displayName", learner.getDisplayName())
				.param("timeZone", "UTC")
				.with(user(learner))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(output.getOut()).doesNotContain("event=csrf-refused");
	}

}
