package io.stepwise.curriculum;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Curricula of the editing tests' own, so that edits never change the bundled curricula
 * other tests read; each call stores a new one with a unique slug. Import it with
 * {@code @Import(EditingFixtures.class)}; it brings {@link TestAccounts} along.
 * <p>
 * The curriculum: phase 1 "First phase" (month 1) with week 1 "Basics" (skills Alpha and
 * Beta, tasks A, B and C, a resource) and week 2 "More" (task D); phase 2 "Second phase"
 * (months 2-3) with week 3 "Last" (skill Gamma, task E).
 */
@TestComponent
@Import(TestAccounts.class)
public class EditingFixtures {

	private final CurriculumLibrary library;

	private final CurriculumCatalog catalog;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final MockMvc mvc;

	EditingFixtures(CurriculumLibrary library, CurriculumCatalog catalog, UserDetailsService users, JdbcTemplate jdbc,
			MockMvc mvc) {
		this.library = library;
		this.catalog = catalog;
		this.users = users;
		this.jdbc = jdbc;
		this.mvc = mvc;
	}

	/** Stores a new curriculum and returns its slug. */
	public String curriculum() {
		String slug = "editing-" + UUID.randomUUID().toString().substring(0, 8);
		this.library.add(new CurriculumDraft(
				slug, "Editing test", "Learn *something*.", List.of("Go slowly"), List.of(
						new PhaseDraft("First phase", "Get going", MonthSpan.of(1), List.of(
								new WeekDraft(1, "Basics", List.of(),
										List.of(new SkillDraft("Alpha", "first letter", List.of()),
												new SkillDraft("Beta", "", List.of())),
										List.of(new ResourceDraft("Docs", "https://example.org/docs",
												ResourceKind.DOCUMENT, "", List.of())),
										List.of("Task A", "Task B", "Task C")),
								new WeekDraft(2, "More", List.of(), List.of(), List.of(), List.of("Task D")))),
						new PhaseDraft("Second phase", "", new MonthSpan(2, 3),
								List.of(new WeekDraft(3, "Last", List.of(),
										List.of(new SkillDraft("Gamma", "", List.of())), List.of(),
										List.of("Task E"))))),
				List.of(), List.of(), 12), "test");
		return slug;
	}

	/** The administrator the portal creates on its first start. */
	public AccountUser admin() {
		return (AccountUser) this.users.loadUserByUsername("admin");
	}

	public CurriculumTree tree(String slug) {
		return this.catalog.tree(slug).orElseThrow();
	}

	public WeekView week(String slug, int number) {
		return tree(slug).week(number).orElseThrow();
	}

	public long taskId(String slug, String text) {
		return tree(slug).weeks()
			.stream()
			.flatMap((week) -> week.tasks().stream())
			.filter((task) -> task.text().equals(text))
			.findFirst()
			.orElseThrow()
			.id();
	}

	public long skillId(String slug, String name) {
		return tree(slug).weeks()
			.stream()
			.flatMap((week) -> week.skills().stream())
			.filter((skill) -> skill.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	public long version(String slug) {
		return this.jdbc.queryForObject("select version from curriculum where slug = ?", Long.class, slug);
	}

	/** Week numbers by week id, archived weeks (without a number) included. */
	public Map<Long, Integer> weekNumbers(String slug) {
		return this.jdbc.query(
				"select w.id, w.number from week w join curriculum c on c.id = w.curriculum_id where c.slug = ?",
				(rs) -> {
					Map<Long, Integer> numbers = new java.util.HashMap<>();
					while (rs.next()) {
						numbers.put(rs.getLong(1), (Integer) rs.getObject(2));
					}
					return numbers;
				}, slug);
	}

	/** The audit log's entries on the curriculum, newest first. */
	public List<Map<String, Object>> audit(String slug) {
		return this.jdbc.queryForList("""
				select actor_name, area, action, subject, before_text, after_text from audit_entry
				 where subject = ? or subject like ? order by id desc""", slug, slug + ",%");
	}

	public void enroll(AccountUser learner, String slug) throws Exception {
		this.mvc.perform(post("/curricula/" + slug + "/enrollment").with(user(learner)).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	public void check(AccountUser learner, String slug, long itemId) throws Exception {
		this.mvc
			.perform(post("/curricula/" + slug + "/items/" + itemId).param("done", "true")
				.with(user(learner))
				.with(csrf())
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
	}

	public long checkOffs(long itemId) {
		return this.jdbc.queryForObject("select count(*) from check_off where item_id = ?", Long.class, itemId);
	}

	/** The learner's progress as the API gives it. */
	public ResultActions progress(AccountUser learner, String slug) throws Exception {
		return this.mvc.perform(get("/api/v1/me/progress/" + slug).with(user(learner))).andExpect(status().isOk());
	}

	/** Whether the week's finish is recorded for the learner. */
	public boolean finishRecorded(AccountUser learner, long weekId) {
		return this.jdbc.queryForObject("""
				select count(*) from week_completion wc join enrollment e on e.id = wc.enrollment_id
				 where e.learner_id = ? and wc.week_id = ?""", Long.class, learner.id(), weekId) > 0;
	}

}
