package io.stepwise.account;

import io.stepwise.support.BrowserCookies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class SignupTest {

	private static final String PASSWORD = "seven orange kites over the harbour";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void signUpLogsTheNewLearnerInWithAFreshSessionId() throws Exception {
		String name = unique("New-Learner");
		BrowserCookies session = new BrowserCookies(this.mvc);
		session.perform(get("/signup")).andExpect(status().isOk());
		String idBefore = session.sessionId();
		assertThat(idBefore).isNotNull();

		session.perform(signup(name, name + "@Example.org", "Ada Lovelace", PASSWORD, "Europe/Berlin"))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated().withUsername(name.toLowerCase()).withRoles("LEARNER"));

		assertThat(session.sessionId()).isNotNull().isNotEqualTo(idBefore);
		assertThat(this.sessions.findById(idBefore)).isNull();
		String dashboard = session.perform(get("/dashboard"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(dashboard).select("head > title").eachText()).containsExactly("Dashboard · Stepwise");
		Map<String, Object> row = row(name.toLowerCase());
		assertThat(row).containsEntry("role", "LEARNER")
			.containsEntry("email", name.toLowerCase() + "@example.org")
			.containsEntry("display_name", "Ada Lovelace")
			.containsEntry("time_zone", "Europe/Berlin")
			.containsEntry("enabled", true);
	}

	@Test
	void storesAnArgon2HashAndNeverThePassword() throws Exception {
		String name = unique("hashed");
		this.mvc.perform(signup(name, name + "@example.org", "Hashed", PASSWORD))
			.andExpect(redirectedUrl("/dashboard"));

		String hash = (String) row(name).get("password_hash");
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
	}

	@Test
	void aPasswordOf400BytesWorksFromSignUpToLogin() throws Exception {
		StringBuilder ideographs = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			ideographs.appendCodePoint(0x20000 + i);
		}
		String password = ideographs.toString();
		assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(400);
		String name = unique("long");
		this.mvc.perform(signup(name, name + "@example.org", "Long", password)).andExpect(redirectedUrl("/dashboard"));

		this.mvc.perform(login(name, password)).andExpect(redirectedUrl("/dashboard"));
		String lastChanged = password.substring(0, password.length() - 2) + new String(Character.toChars(0x20100));
		this.mvc.perform(login(name, lastChanged)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aPasswordTypedWithFullWidthCharactersLogsIn() throws Exception {
		String name = unique("wide");
		this.mvc.perform(signup(name, name + "@example.org", "Wide", "Tulip42 river stone"))
			.andExpect(redirectedUrl("/dashboard"));

		String fullWidth = "\uFF34\uFF55\uFF4C\uFF49\uFF50\uFF14\uFF12 \uFF52\uFF49\uFF56\uFF45\uFF52 \uFF53\uFF54\uFF4F\uFF4E\uFF45";
		this.mvc.perform(login(name, fullWidth)).andExpect(redirectedUrl("/dashboard")).andExpect(authenticated());
	}

	@Test
	void showsTheRequiredMessagesForBlankFields() throws Exception {
		Document page = refused(signup("", "", "", ""));
		assertThat(fieldErrors(page, "username")).contains("Choose a username.");
		assertThat(fieldErrors(page, "email")).contains("Enter your email address.");
		assertThat(fieldErrors(page, "displayName")).contains("Enter the name to show.");
		assertThat(page.select(".alert-danger").text()).isEqualTo("Please correct the fields marked below.");
	}

	@Test
	void showsAPasswordErrorTogetherWithTheOtherFieldErrors() throws Exception {
		Document page = refused(signup("", "not-an-email", "Someone", "password123456"));
		assertThat(fieldErrors(page, "username")).isEqualTo("Choose a username.");
		assertThat(fieldErrors(page, "email")).isEqualTo("Enter a valid email address.");
		assertThat(fieldErrors(page, "password"))
			.isEqualTo("This password is too common; choose one that is harder to guess.");
	}

	@Test
	void signUpGivesTheNewIdentityANewCsrfToken() throws Exception {
		String name = unique("token");
		BrowserCookies session = new BrowserCookies(this.mvc);
		String before = csrfTokenOf(session);
		session.perform(signup(name, name + "@example.org", "Token", PASSWORD)).andExpect(redirectedUrl("/dashboard"));
		assertThat(csrfTokenOf(session)).isNotEqualTo(before);
	}

	@Test
	void refusesAUsernameOutsideThePattern() throws Exception {
		String name = unique("no");
		Document page = refused(signup(name + " spaces", name + "@example.org", "Spaces", PASSWORD));
		assertThat(fieldErrors(page, "username"))
			.isEqualTo("Use 3 to 32 letters, digits, dots, dashes or underscores.");
		assertThat(rows(name + " spaces")).isZero();
	}

	@Test
	void refusesAnInvalidEmail() throws Exception {
		String name = unique("bad-email");
		Document page = refused(signup(name, "not-an-email", "Bad Email", PASSWORD));
		assertThat(fieldErrors(page, "email")).isEqualTo("Enter a valid email address.");
		assertThat(rows(name)).isZero();
	}

	@Test
	void refusesAShortPasswordAndNeverSendsItBack() throws Exception {
		String name = unique("short");
		Document page = refused(signup(name, name + "@example.org", "Short", "tiny secret"));
		assertThat(fieldErrors(page, "password")).isEqualTo("Use at least 12 characters.");
		assertThat(page.outerHtml()).doesNotContain("tiny secret");
		assertThat(page.select("input[name=username]").val()).isEqualTo(name);
		assertThat(rows(name)).isZero();
	}

	@Test
	void refusesABlankPassword() throws Exception {
		String name = unique("blank");
		Document page = refused(signup(name, name + "@example.org", "Blank", ""));
		assertThat(fieldErrors(page, "password")).isEqualTo("Use at least 12 characters.");
		assertThat(rows(name)).isZero();
	}

	@Test
	void refusesACommonPassword() throws Exception {
		String name = unique("common");
		Document page = refused(signup(name, name + "@example.org", "Common", "password123456"));
		assertThat(fieldErrors(page, "password"))
			.isEqualTo("This password is too common; choose one that is harder to guess.");
		assertThat(page.outerHtml()).doesNotContain("password123456");
		assertThat(rows(name)).isZero();
	}

	@Test
	void refusesAPasswordContainingTheUsername() throws Exception {
		String name = unique("Owner");
		Document page = refused(signup(name, name + "@example.org", "Owner", "my name is " + name.toLowerCase()));
		assertThat(fieldErrors(page, "password")).isEqualTo("The password must not contain your username.");
		assertThat(rows(name.toLowerCase())).isZero();
	}

	@Test
	void refusesAUsernameTakenInAnotherCase() throws Exception {
		String name = unique("Taken");
		this.mvc.perform(signup(name, name + "@example.org", "First", PASSWORD)).andExpect(redirectedUrl("/dashboard"));

		Document page = refused(signup(name.toUpperCase(), "other-" + name + "@example.org", "Second", PASSWORD));
		assertThat(fieldErrors(page, "username")).isEqualTo("This username is taken.");
		assertThat(rows(name.toLowerCase())).isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class,
				"other-" + name.toLowerCase() + "@example.org"))
			.isZero();
	}

	@Test
	void refusesAnEmailTakenInAnotherCase() throws Exception {
		String name = unique("mail");
		String email = name + "@example.org";
		this.mvc.perform(signup(name, email, "First", PASSWORD)).andExpect(redirectedUrl("/dashboard"));

		String other = unique("mail");
		Document page = refused(signup(other, email.toUpperCase(), "Second", PASSWORD));
		assertThat(fieldErrors(page, "email")).isEqualTo("An account with this email address exists already.");
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email))
			.isOne();
		assertThat(rows(other)).isZero();
	}

	@Test
	void ignoresARoleOrIdSentWithTheForm() throws Exception {
		String name = unique("sneaky");
		BrowserCookies session = new BrowserCookies(this.mvc);
		session
			.perform(signup(name, name + "@example.org", "Sneaky", PASSWORD).param("role", "ADMIN")
				.param("id", "1")
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(authenticated().withRoles("LEARNER"));

		Map<String, Object> row = row(name);
		assertThat(row).containsEntry("role", "LEARNER").containsEntry("enabled", true);
		assertThat(row.get("id")).isNotEqualTo(1L);
		session.perform(get("/admin/accounts")).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder signup(String username, String email, String displayName, String password) {
		return signup(username, email, displayName, password, "UTC");
	}

	private MockHttpServletRequestBuilder signup(String username, String email, String displayName, String password,
			String timeZone) {
		return post("/signup").with(csrf())
			.param("username", username)
			.param("email", email)
			.param("displayName", displayName)
			.param("password", password)
			.param("timeZone", timeZone);
	}

	private static MockHttpServletRequestBuilder login(String username, String password) {
		return post("/login").with(csrf()).param("username", username).param("password", password);
	}

	/** Posts a sign-up that must be refused: the form again, nobody logged in. */
	private Document refused(MockHttpServletRequestBuilder request) throws Exception {
		ResultActions result = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name("account/signup"))
			.andExpect(unauthenticated());
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

	private static String fieldErrors(Document page, String field) {
		return page.select("#" + field + "-errors").text();
	}

	private Map<String, Object> row(String username) {
		return this.jdbc.queryForMap("select * from app_user where username = ?", username);
	}

	private int rows(String username) {
		return this.jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
	}

	/**
	 * The raw token the session holds, as Spring Security's session repository stores it.
	 */
	private String csrfTokenOf(BrowserCookies session) throws Exception {
		session.perform(get("/signup")).andExpect(status().isOk());
		Object token = this.sessions.findById(session.sessionId())
			.getAttribute(HttpSessionCsrfTokenRepository.class.getName() + ".CSRF_TOKEN");
		return ((CsrfToken) token).getToken();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
