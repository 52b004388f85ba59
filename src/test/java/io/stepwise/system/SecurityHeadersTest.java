package io.stepwise.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class SecurityHeadersTest {

	private static final String CURRICULUM = "/curricula/django-24-week-syllabus";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void pagesSendAContentSecurityPolicyWithoutInlineScripts() throws Exception {
		Map<String, String> policy = policy(ok(get("/")));

		assertThat(policy).containsEntry("object-src", "'none'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("frame-ancestors", "'none'")
			.containsEntry("form-action", "'self'")
			.containsEntry("script-src", "'self'");
		assertThat(policy.get("script-src")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(policy.get("default-src")).isEqualTo("'self'");
	}

	@Test
	void theApiDocumentationKeepsScriptsStrict() throws Exception {
		Map<String, String> policy = policy(ok(get("/v3/api-docs")));
		assertThat(policy.get("script-src")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(policy).containsEntry("object-src", "'none'")
			.containsEntry("base-uri", "'none'")
			.containsEntry("frame-ancestors", "'none'");
	}

	@Test
	void pagesSendTheOtherProtectiveHeaders() throws Exception {
		for (MockHttpServletResponse response : List.of(ok(get("/")), ok(get("/login")), ok(get(CURRICULUM)))) {
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void authenticatedPagesAreNotStored() throws Exception {
		AccountUser learner = this.accounts.learner();
		for (String page : List.of("/account", "/dashboard")) {
			MockHttpServletResponse response = ok(get(page).with(user(learner)));
			assertThat(response.getHeader("Cache-Control")).as(page).contains("no-store");
			assertThat(response.getHeader("Content-Security-Policy")).as(page).contains("object-src 'none'");
		}
	}

	@Test
	void everyPageOfALoggedInUserCarriesTheCsrfTokenForScripts() throws Exception {
		AccountUser learner = this.accounts.learner();
		List<MockHttpServletRequestBuilder> pages = List.of(get("/").with(user(learner)),
				get(CURRICULUM).with(user(learner)), get(CURRICULUM + "/weeks/1").with(user(learner)),
				get("/dashboard").with(user(learner)), get("/account").with(user(learner)));
		for (MockHttpServletRequestBuilder page : pages) {
			Document html = Jsoup.parse(ok(page).getContentAsString());
			String path = html.location() + " " + html.title();
			assertThat(html.select("meta[name=_csrf]").attr("content")).as(path).isNotBlank();
			assertThat(html.select("meta[name=_csrf_header]").attr("content")).as(path).isEqualTo("X-CSRF-TOKEN");
		}
	}

	/**
	 * A token lives in a session, which an anonymous visitor does not get (see
	 * AnonymousVisitorsTest); the login and sign-up forms carry theirs in a hidden field.
	 */
	@Test
	void anonymousPagesCarryNoTokenAndTheFormsCarryTheirOwn() throws Exception {
		for (String page : List.of("/", "/login", "/signup", CURRICULUM, CURRICULUM + "/weeks/1")) {
			Document html = Jsoup.parse(ok(get(page)).getContentAsString());
			assertThat(html.select("meta[name=_csrf], meta[name=_csrf_header]")).as(page).isEmpty();
		}
		for (String form : List.of("/login", "/signup")) {
			Document html = Jsoup.parse(ok(get(form)).getContentAsString());
			assertThat(html.select("main form[method=post] input[type=hidden][name=_csrf]").attr("value")).as(form)
				.isNotBlank();
		}
	}

	private MockHttpServletResponse ok(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
	}

	/** The policy's directives, each name mapped to its sources. */
	private static Map<String, String> policy(MockHttpServletResponse response) {
		String header = response.getHeader("Content-Security-Policy");
		assertThat(header).isNotBlank();
		return Arrays.stream(header.split(";"))
			.map(String::strip)
			.filter((directive) -> !directive.isEmpty())
			.collect(Collectors.toMap((directive) -> directive.split("\\s+", 2)[0],
					(directive) -> directive.contains(" ") ? directive.split("\\s+", 2)[1] : "", (a, b) -> a));
	}

}
