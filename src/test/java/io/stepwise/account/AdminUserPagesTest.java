package io.stepwise.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages of users: the list and its search, and what a user's page changes,
 * stores and records in the audit log, or refuses with nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class AdminUserPagesTest {

	private static final String TEMPORARY = "violet harbour lamps at dusk";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	private AccountUser admin;

	@BeforeEach
	void newAdmin() {
		this.admin = this.staff.admin();
	}

	// The list and its search

	@Test
	void searchFindsUsersByUsernameEmailOrDisplayNameWhateverTheCase() throws Exception {
		String token = token();
		insertUser("ada-" + token, "countess-" + token + "@example.org", "Ada " + token.toUpperCase());
		insertUser("grace-" + token, "grace@example.org", "Grace Hopper");

		assertThat(usernames(page(get("/admin/users").param("q", "ADA-" + token)))).containsExactly("ada-" + token);
		assertThat(usernames(page(get("/admin/users").param("q", "countess-" + token))))
			.containsExactly("ada-" + token);
		assertThat(usernames(page(get("/admin/users").param("q", "ada " + token)))).containsExactly("ada-" + token);
		assertThat(usernames(page(get("/admin/users").param("q", token)))).containsExactly("ada-" + token,
				"grace-" + token);
	}

	@Test
	void theListShowsRoleStateAndCreationDayOfEachUser() throws Exception {
		String token = token();
		insertUser("zoe-" + token, "zoe-" + token + "@example.org", "Zoe");
		this.jdbc.update("update app_user set role = 'MENTOR', enabled = false where username = ?", "zoe-" + token);

		Document page = page(get("/admin/users").param("q", token));

		List<String> cells = page.select("tbody tr").first().select("th, td").eachText();
		assertThat(cells).containsExactly("zoe-" + token, "Zoe", "zoe-" + token + "@example.org", "Mentor", "Disabled",
				"2026-11-02");
		assertThat(page.select("tbody a").attr("href")).isEqualTo("/admin/users/zoe-" + token);
	}

	@Test
	void searchTextIsTakenLiterallyNotAsAPattern() throws Exception {
		Document page = page(get("/admin/users").param("q", "%_"));
		assertThat(page.select("tbody tr")).isEmpty();
		assertThat(page.select("main").text()).contains("No user matches this search.");
	}

	@Test
	void theListShowsFiftyUsersAPage() throws Exception {
		String token = token();
		for (int i = 0; i < 51; i++) {
			insertUser(String.format("p%02d-%s", i, token), "p" + i + "-" + token + "@example.org", "Paged");
		}
		Document first = page(get("/admin/users").param("q", token));
		Document second = page(get("/admin/users").param("q", token).param("page", "2"));

		assertThat(first.select("tbody tr")).hasSize(50);
		assertThat(usernames(second)).containsExactly("p50-" + token);
		assertThat(first.select("nav[aria-label=Pages of users] a").attr("href"))
			.isEqualTo("/admin/users?q=" + token + "&page=2");
	}

	@Test
	void theAdminHomeLeadsToTheUsers() throws Exception {
		assertThat(page(get("/admin")).select("a[href=/admin/users]")).hasSize(1);
	}

	@Test
	void anUnknownUserIsTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/admin/users/nobody-" + token()).with(fullLogin(this.admin)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound());
	}

	// Role

	@Test
	void aRoleChangeIsStoredAndRecorded() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();
		assertThat(page(get(path)).select("#role option[selected]").val()).isEqualTo("LEARNER");

		this.mvc.perform(post(path + "/role").param("role", "MENTOR").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("message", "admin.user.role.changed"));

		assertThat(role(learner)).isEqualTo("MENTOR");
		assertThat(page(get(path)).select("#role option[selected]").val()).isEqualTo("MENTOR");
		assertThat(audit(learner))
			.containsExactly(entry("role.changed", learner.getUsername(), "role: LEARNER", "role: MENTOR", this.admin));
	}

	@Test
	void aRoleThatIsNoneIsRefused() throws Exception {
		AccountUser learner = this.staff.learner();
		Document page = page(post("/admin/users/" + learner.getUsername() + "/role").param("role", "ROOT"));
		assertThat(page.select("#role-errors").text()).isEqualTo("Choose one of the roles in the list.");
		assertThat(role(learner)).isEqualTo("LEARNER");
		assertThat(audit(learner)).isEmpty();
	}

	@Test
	void anAdminWhoDemotesThemselvesIsSentToTheirAccount() throws Exception {
		AccountUser other = this.staff.admin();
		this.mvc
			.perform(post("/admin/users/" + other.getUsername() + "/role").param("role", "LEARNER")
				.with(fullLogin(other))
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(role(other)).isEqualTo("LEARNER");
	}

	// Disable and enable

	@Test
	void disablingAsksFirstThenIsStoredAndRecordedAndEnablingUndoesIt() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();
		Document user = page(get(path));
		assertThat(user.select("a[href=" + path + "/disable]")).hasSize(1);

		Document confirm = page(get(path + "/disable"));
		assertThat(confirm.select("h1").text()).isEqualTo("Disable this account?");
		assertThat(confirm.select("main form[method=post]").attr("action")).isEqualTo(path + "/disable");
		assertThat(enabled(learner)).isTrue();

		this.mvc.perform(post(path + "/disable").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("message", "admin.user.disabled"));
		assertThat(enabled(learner)).isFalse();
		assertThat(page(get(path)).select("form[action=" + path + "/enable]")).hasSize(1);

		this.mvc.perform(post(path + "/enable").with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl(path));
		assertThat(enabled(learner)).isTrue();
		assertThat(audit(learner)).containsExactly(
				entry("user.disabled", learner.getUsername(), "enabled", "disabled; every session ended", this.admin),
				entry("user.enabled", learner.getUsername(), "disabled", "enabled", this.admin));
	}

	// Temporary password

	@Test
	void aTemporaryPasswordTheAdminTypesIsStoredAsAHashAndRecordedWithoutIt() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();

		this.mvc.perform(post(path + "/password").param("password", TEMPORARY).with(fullLogin(this.admin)).with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("message", "admin.user.password.set"));

		Map<String, Object> row = this.jdbc
			.queryForMap("select password_hash, must_change_password from app_user where id = ?", learner.id());
		assertThat(row.get("must_change_password")).isEqualTo(true);
		assertThat(this.passwordEncoder.matches(TEMPORARY, (String) row.get("password_hash"))).isTrue();
		assertThat(page(get(path)).select("main").text()).contains("This account has a temporary password");
		List<Map<String, Object>> audit = audit(learner);
		assertThat(audit)
			.containsExactly(entry("user.temporaryPassword", learner.getUsername(), "password chosen by the user",
					"temporary password, to be replaced at the next login; every session ended", this.admin));
		assertThat(audit.toString()).doesNotContain(TEMPORARY).doesNotContain((String) row.get("password_hash"));
	}

	@Test
	void aTemporaryPasswordThePasswordRulesRefuseIsNotStoredNorShownAgain() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();
		String hashBefore = hash(learner);

		Document common = page(post(path + "/password").param("password", "qwertyuiop123"));
		Document withName = page(post(path + "/password").param("password", "hello " + learner.getUsername()));

		assertThat(common.select("#password-errors").text())
			.isEqualTo("This password is too common; choose one that is harder to guess.");
		assertThat(common.select("#temporary-password").val()).isEmpty();
		assertThat(common.outerHtml()).doesNotContain("qwertyuiop123");
		assertThat(withName.select("#password-errors").text())
			.isEqualTo("The password must not contain your username.");
		assertThat(hash(learner)).isEqualTo(hashBefore);
		assertThat(audit(learner)).isEmpty();
	}

	@Test
	void aGeneratedTemporaryPasswordIsShownOnceAndFollowsThePasswordRules() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();

		Document shown = page(post(path + "/password").param("password", ""));

		String generated = shown.select("#temporary-password").text();
		assertThat(generated).hasSize(20);
		assertThat(new PasswordPolicy().check(generated, learner.getUsername())).isEmpty();
		assertThat(this.passwordEncoder.matches(generated, hash(learner))).isTrue();
		assertThat(page(get(path)).outerHtml()).doesNotContain(generated);
		assertThat(audit(learner).toString()).doesNotContain(generated);
	}

	// The last admin

	@Test
	void theOnlyEnabledAdminCanBeNeitherDemotedNorDisabled() throws Exception {
		String path = "/admin/users/" + this.admin.getUsername();
		this.staff.asOnlyAdmin(this.admin, () -> {
			assertThat(page(get(path)).select("main").text()).contains("This is the only enabled administrator");

			String demoted = this.mvc
				.perform(post(path + "/role").param("role", "MENTOR").with(fullLogin(this.admin)).with(csrf()))
				.andExpect(status().isConflict())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(demoted).select("#role-errors").text())
				.isEqualTo("This is the only enabled administrator. Make another account an administrator first.");

			String disabled = this.mvc.perform(post(path + "/disable").with(fullLogin(this.admin)).with(csrf()))
				.andExpect(status().isConflict())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(disabled).select(".alert-danger").text())
				.startsWith("This is the only enabled administrator, so it was not disabled.");

			assertThat(role(this.admin)).isEqualTo("ADMIN");
			assertThat(enabled(this.admin)).isTrue();
			assertThat(audit(this.admin)).isEmpty();
		});
	}

	@Test
	void anotherAdminCanBeDemotedWhileOneIsLeft() throws Exception {
		AccountUser other = this.staff.admin();
		this.staff.asOnlyAdmin(this.admin, () -> {
			// Disabled meanwhile, the other admin does not count.
			this.jdbc.update("update app_user set enabled = true where id = ?", other.id());
			this.mvc
				.perform(post("/admin/users/" + other.getUsername() + "/role").param("role", "MENTOR")
					.with(fullLogin(this.admin))
					.with(csrf()))
				.andExpect(redirectedUrl("/admin/users/" + other.getUsername()));
		});
		assertThat(role(other)).isEqualTo("MENTOR");
	}

	// Who may

	@Test
	void learnersAndMentorsAreRefusedAndAnonymousVisitorsSentToTheLogin() throws Exception {
		AccountUser learner = this.staff.learner();
		AccountUser mentor = this.staff.mentor();
		String path = "/admin/users/" + learner.getUsername();
		List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(() -> get("/admin/users"),
				() -> get("/admin/users").param("q", "a"), () -> get(path), () -> get(path + "/disable"),
				() -> post(path + "/role").param("role", "ADMIN"), () -> post(path + "/disable"),
				() -> post(path + "/enable"), () -> post(path + "/password").param("password", TEMPORARY));
		for (Supplier<MockHttpServletRequestBuilder> request : requests) {
			this.mvc.perform(request.get().with(csrf()).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
			for (AccountUser caller : List.of(learner, mentor)) {
				this.mvc.perform(request.get().with(csrf()).with(user(caller)).accept(MediaType.TEXT_HTML))
					.andExpect(status().isForbidden());
			}
		}
		assertThat(role(learner)).isEqualTo("LEARNER");
		assertThat(enabled(learner)).isTrue();
		assertThat(audit(learner)).isEmpty();
	}

	@Test
	void everyWriteNeedsTheCsrfToken() throws Exception {
		AccountUser learner = this.staff.learner();
		String path = "/admin/users/" + learner.getUsername();
		String hashBefore = hash(learner);
		for (MockHttpServletRequestBuilder request : List.of(post(path + "/role").param("role", "ADMIN"),
				post(path + "/disable"), post(path + "/enable"),
				post(path + "/password").param("password", TEMPORARY))) {
			this.mvc.perform(request.with(fullLogin(this.admin)).accept(MediaType.TEXT_HTML))
				.andExpect(status().isForbidden());
		}
		assertThat(role(learner)).isEqualTo("LEARNER");
		assertThat(enabled(learner)).isTrue();
		assertThat(hash(learner)).isEqualTo(hashBefore);
		assertThat(audit(learner)).isEmpty();
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request.with(fullLogin(this.admin)).with(csrf()).accept(MediaType.TEXT_HTML))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

	private static List<String> usernames(Document page) {
		return page.select("tbody th a").eachText();
	}

	/** A stored account with a hash nobody logs in with; quicker than a sign-up. */
	private void insertUser(String username, String email, String displayName) {
		this.jdbc.update("""
				insert into app_user (username, email, display_name, password_hash, role, created_at,
				                      password_changed_at)
				values (?, ?, ?, '{noop}not-used', 'LEARNER', timestamp with time zone '2026-11-02 10:00:00+00',
				        timestamp with time zone '2026-11-02 10:00:00+00')""", username, email, displayName);
	}

	private String role(AccountUser user) {
		return this.jdbc.queryForObject("select role from app_user where id = ?", String.class, user.id());
	}

	private boolean enabled(AccountUser user) {
		return this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, user.id());
	}

	private String hash(AccountUser user) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, user.id());
	}

	private List<Map<String, Object>> audit(AccountUser user) {
		return this.jdbc.queryForList("""
				select area, action, subject, before_text, after_text, actor_name from audit_entry
				where subject = ? order by id""", user.getUsername());
	}

	private static Map<String, Object> entry(String action, String subject, String before, String after,
			AccountUser actor) {
		return Map.of("area", "account", "action", action, "subject", subject, "before_text", before, "after_text",
				after, "actor_name", actor.getUsername());
	}

	private static String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
