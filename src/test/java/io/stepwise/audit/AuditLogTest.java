package io.stepwise.audit;

import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.AccessibilityChecks;
import io.stepwise.system.Audited;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the audit log records, when, and how admins read it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class AuditLogTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anAdminsChangeToACohortIsRecordedWithWhoAndWhat() throws Exception {
		AccountUser admin = (AccountUser) this.users.loadUserByUsername("admin");
		String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/admin/cohorts").param("name", name)
				.param("curriculum", "django-24-week-syllabus")
				.param("startDate", "2026-09-07")
				.with(fullLogin(admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> entry = this.jdbc.queryForMap("select * from audit_entry where subject = ?", name);
		assertThat(entry).containsEntry("area", "cohort")
			.containsEntry("action", "cohort-created")
			.containsEntry("actor_name", "admin")
			.containsEntry("actor_id", admin.id());
		assertThat((String) entry.get("after_text")).contains("start date: 2026-09-07");
		assertThat(entry.get("before_text")).isNull();

		Document page = page("/admin/audit?area=cohort&q=" + name.substring(8), admin);
		assertThat(page.select("tbody tr")).hasSize(1);
		assertThat(page.select("tbody tr").text()).contains("admin", "cohort-created", name);
		assertThat(page("/admin/audit?actor=nobody-at-all", admin).select("tbody tr")).isEmpty();
		AccessibilityChecks.assertAccessible("audit log", html("/admin/audit", admin));
		AccessibilityChecks.assertAccessible("audit log, none", html("/admin/audit?actor=nobody-at-all", admin));
		// Filters a link could carry but that make no sense are dropped, not refused.
		assertThat(page("/admin/audit?area=<script>&page=-3", admin).select("select#audit-area option[selected]"))
			.isEmpty();
	}

	@Test
	void aChangeRolledBackLeavesNoEntry() {
		String subject = "rolled back " + UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.events.publishEvent(new Audited(null, null, "cohort", "cohort.edited", subject, "a", "b"));
			status.setRollbackOnly();
		});
		assertThat(
				this.jdbc.queryForObject("select count(*) from audit_entry where subject = ?", Integer.class, subject))
			.isZero();
	}

	@Test
	void hostileTextInAnEntryIsShownAsText() throws Exception {
		AccountUser admin = (AccountUser) this.users.loadUserByUsername("admin");
		String subject = "<script>alert(1)</script> " + UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events
			.publishEvent(new Audited(null, null, "cohort", "cohort.edited", subject, "<b>x</b>", null)));
		String html = this.mvc.perform(get("/admin/audit").param("q", subject.substring(30)).with(fullLogin(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
		assertThat(Jsoup.parse(html).select("tbody tr").text()).contains("stepwise");
	}

	private Document page(String path, AccountUser who) throws Exception {
		return Jsoup.parse(html(path, who));
	}

	private String html(String path, AccountUser who) throws Exception {
		return this.mvc.perform(get(path).with(fullLogin(who)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
