package io.stepwise.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.curriculum.CurriculumEdits.AddWeek;
import io.stepwise.curriculum.CurriculumEdits.Basis;
import io.stepwise.curriculum.CurriculumEdits.Direction;
import io.stepwise.curriculum.CurriculumEdits.EditSkill;
import io.stepwise.curriculum.CurriculumEdits.EditTask;
import io.stepwise.curriculum.CurriculumEdits.Editor;
import io.stepwise.curriculum.CurriculumEdits.Move;
import io.stepwise.curriculum.CurriculumEdits.Part;
import io.stepwise.curriculum.CurriculumEdits.Removal;
import io.stepwise.curriculum.CurriculumEdits.SkillContent;
import io.stepwise.curriculum.CurriculumEdits.WeekContent;
import io.stepwise.curriculum.CurriculumTree.WeekView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Edits racing each other, and a learner: run on each database, because what keeps them
 * apart is the database's row locks and the order in which it checks unique keys.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(EditingFixtures.class)
abstract class CurriculumEditConcurrencyChecks {

	@Autowired
	CurriculumEditor editor;

	@Autowired
	EditingFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private AccountUser admin;

	private String slug;

	@BeforeEach
	void curriculum() {
		this.admin = this.fixtures.admin();
		this.slug = this.fixtures.curriculum();
	}

	@Test
	void ofTwoConcurrentSavesOnOneVersionExactlyOneWins() throws Exception {
		long taskA = this.fixtures.taskId(this.slug, "Task A");
		long alpha = this.fixtures.skillId(this.slug, "Alpha");
		for (int round = 0; round < 5; round++) {
			long version = this.fixtures.version(this.slug);
			Basis basis = basis(version);
			String text = "Round " + round;
			// Different parts of one curriculum: one version covers both.
			List<Object> outcomes = race(() -> this.editor.editTask(new EditTask(basis, taskA, text + " task")),
					() -> this.editor.editSkill(new EditSkill(basis, alpha, new SkillContent(text + " skill", ""))));
			assertThat(outcomes).filteredOn(CurriculumChangedException.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(CurriculumEdits.Edited.class::isInstance).hasSize(1);
			assertThat(this.fixtures.version(this.slug)).isEqualTo(version + 1);
		}
	}

	@Test
	void weeksAndPhasesAreNumberedAgainUnderTheirUniqueKeys() {
		CurriculumTree tree = this.fixtures.tree(this.slug);
		long first = tree.week(1).orElseThrow().id();
		long third = tree.week(3).orElseThrow().id();
		long firstPhase = tree.phases().get(0).id();
		long secondPhase = tree.phases().get(1).id();
		this.editor.move(new Move(basis(), Part.WEEK, first, Direction.DOWN));
		this.editor.move(new Move(basis(), Part.WEEK, third, Direction.UP));
		this.editor.move(new Move(basis(), Part.PHASE, secondPhase, Direction.UP));
		this.editor.addWeek(new AddWeek(basis(), new WeekContent("Added", firstPhase)));
		this.editor.remove(new Removal(basis(), Part.TASK, this.fixtures.taskId(this.slug, "Task D")));
		long more = tree.week(2).orElseThrow().id();
		this.editor.remove(new Removal(basis(), Part.WEEK, more));
		this.editor.move(new Move(basis(), Part.PHASE, firstPhase, Direction.UP));

		CurriculumTree after = this.fixtures.tree(this.slug);
		assertThat(after.weeks()).extracting(WeekView::title).containsExactly("Basics", "Last", "Added");
		assertThat(after.weeks()).extracting(WeekView::number).containsExactly(1, 2, 3);
		assertThat(after.phases()).extracting(CurriculumTree.PhaseView::id).containsExactly(firstPhase, secondPhase);
		assertThat(after.phases()).extracting(CurriculumTree.PhaseView::position).containsExactly(1, 2);
		assertThat(this.fixtures.weekNumbers(this.slug)).containsEntry(more, null);
	}

	@Test
	void aLearnerFinishingTheWeekWhileAnAdminArchivesItsLastTaskFinishesItOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			String slug = this.fixtures.curriculum();
			AccountUser learner = this.accounts.learner();
			this.fixtures.enroll(learner, slug);
			this.fixtures.check(learner, slug, this.fixtures.taskId(slug, "Task A"));
			this.fixtures.check(learner, slug, this.fixtures.taskId(slug, "Task B"));
			long taskC = this.fixtures.taskId(slug, "Task C");
			long week = this.fixtures.week(slug, 1).id();
			Basis basis = new Basis(slug, this.fixtures.version(slug),
					new Editor(this.admin.id(), this.admin.getUsername()));
			List<Object> outcomes = race(() -> this.editor.remove(new Removal(basis, Part.TASK, taskC)),
					() -> this.mvc
						.perform(post("/curricula/" + slug + "/items/" + taskC).param("done", "true")
							.with(user(learner))
							.with(csrf())
							.accept(MediaType.TEXT_HTML))
						.andReturn()
						.getResponse()
						.getStatus());
			assertThat(outcomes.get(0)).isInstanceOf(CurriculumEdits.Removed.class);
			// The learner's check-off came first, or found the task archived.
			assertThat(outcomes.get(1)).isIn(302, 404);
			assertThat(this.jdbc.queryForObject("""
					select count(*) from week_completion wc join enrollment e on e.id = wc.enrollment_id
					 where e.learner_id = ? and wc.week_id = ?""", Long.class, learner.id(), week)).isOne();
		}
	}

	private Basis basis() {
		return basis(this.fixtures.version(this.slug));
	}

	private Basis basis(long version) {
		return new Basis(this.slug, version, new Editor(this.admin.id(), this.admin.getUsername()));
	}

	/**
	 * Runs both at once; for each, what it returned, or the conflict it was refused with.
	 */
	private static List<Object> race(Callable<?> one, Callable<?> other) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> results = new ArrayList<>();
			for (Callable<?> task : List.of(one, other)) {
				results.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						return task.call();
					}
					catch (CurriculumChangedException changed) {
						return changed;
					}
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				try {
					outcomes.add(result.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					throw new AssertionError("A request failed", ex.getCause());
				}
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
