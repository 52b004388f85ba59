package io.stepwise.authoring;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;
import io.stepwise.curriculum.MonthSpan;
import io.stepwise.curriculum.ResourceKind;
import io.stepwise.curriculum.SectionKind;
import org.junit.jupiter.api.Test;

import static io.stepwise.authoring.BundledCurriculaTest.resources;
import static io.stepwise.authoring.BundledCurriculaTest.skills;
import static io.stepwise.authoring.BundledCurriculaTest.tasks;
import static io.stepwise.authoring.BundledCurriculaTest.weeks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SyllabusShapeTest {

	private final MarkdownCurriculumParser parser = new MarkdownCurriculumParser();

	@Test
	void splitsSkillsOnCommasOutsideParentheses() {
		WeekDraft week = oneRow("| 1 | Views (function, class), URLs, Forms (ModelForm, (nested, deeper)) | | |");
		assertThat(week.skills()).extracting(SkillDraft::name)
			.containsExactly("Views (function, class)", "URLs", "Forms (ModelForm, (nested, deeper))");
	}

	@Test
	void resolvesMarkdownEscapesAndDropsEmphasisInSkills() {
		WeekDraft week = oneRow("| 1 | select\\_related, \\*args and \\*\\*kwargs, **bold** skill, `code, span` | | |");
		assertThat(week.skills()).extracting(SkillDraft::name)
			.containsExactly("select_related", "*args and **kwargs", "bold skill", "code, span");
		assertThat(week.skills()).allSatisfy((skill) -> {
			assertThat(skill.description()).isEmpty();
			assertThat(skill.citations()).isEmpty();
		});
	}

	@Test
	void readsLinksAsResourcesWithUrlAndPlainTextAsResourcesWithout() {
		WeekDraft week = oneRow(
				"| 1 | A | [Docs](https://docs.example.org/a), Chapter 3 of the handbook and [Guide](http://guide.example.org) | |");
		assertThat(week.resources()).extracting(ResourceDraft::title, ResourceDraft::url, ResourceDraft::kind)
			.containsExactly(tuple("Docs", "https://docs.example.org/a", ResourceKind.DOCUMENT),
					tuple("Chapter 3 of the handbook", null, ResourceKind.DOCUMENT),
					tuple("Guide", "http://guide.example.org", ResourceKind.DOCUMENT));
	}

	@Test
	void keepsAnUnnumberedTaskCellAsOneTask() {
		WeekDraft week = oneRow("| 1 | A | | Build the *whole* app, then deploy it.   |");
		assertThat(week.tasks()).containsExactly("Build the whole app, then deploy it.");
	}

	@Test
	void splitsTasksOnlyAtTheNextExpectedNumber() {
		WeekDraft week = oneRow(
				"| 1 | A | | 1. Upgrade to Django 2.0 and fix 3. warnings. 2. Add **tests**. 3. Ship version 4. |");
		assertThat(week.tasks()).containsExactly("Upgrade to Django 2.0 and fix 3. warnings.", "Add tests.",
				"Ship version 4.");
	}

	@Test
	void leavesAnEmptyTaskCellWithoutTasks() {
		assertThat(oneRow("| 1 | A | | |").tasks()).isEmpty();
	}

	@Test
	void matchesColumnsByNameInAnyOrderAndTakesWeekTitlesFromATopicColumn() {
		CurriculumDraft draft = this.parser.parse("topics", """
				# Topics

				## Month 1 – Start

				| project tasks | WEEK | Topic | skills | Resources |
				| --- | --- | --- | --- | --- |
				| 1. Say hello. | **1** | *Getting going* | Setup | [Intro](https://intro.example.org) |
				""");
		WeekDraft week = weeks(draft).get(0);
		assertThat(week.number()).isEqualTo(1);
		assertThat(week.title()).isEqualTo("Getting going");
		assertThat(week.skills()).extracting(SkillDraft::name).containsExactly("Setup");
		assertThat(week.resources()).extracting(ResourceDraft::title).containsExactly("Intro");
		assertThat(week.tasks()).containsExactly("Say hello.");
	}

	@Test
	void readsMonthSpansFromPhaseHeadings() {
		CurriculumDraft draft = this.parser.parse("spans", """
				# Spans

				## Month 1 – One

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 1 | A | | |

				## Month 2-3 – Two

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 2 | B | | |

				## **Months 7-12: Three**

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 3 | C | | |
				""");
		assertThat(draft.phases()).extracting(PhaseDraft::title, PhaseDraft::months)
			.containsExactly(tuple("One", MonthSpan.of(1)), tuple("Two", new MonthSpan(2, 3)),
					tuple("Three", new MonthSpan(7, 12)));
	}

	@Test
	void importsAnInventedSyllabusTheSameWay() {
		CurriculumDraft draft = this.parser.parse("rust-in-five-weeks",
				"""
						A short course for people who already write C.

						# Rust in Five Weeks

						## Month 1 — Ownership

						**Goal:** Stop fighting the *borrow checker*.

						| Week | Title | Skills | Resources | Project Tasks |
						|------|-------|--------|-----------|---------------|
						| 1 | Moves | Ownership, borrowing (shared, mutable), lifetimes | [The Book, ch. 4](https://doc.rust-lang.org/book/ch04-00-understanding-ownership.html) | 1. Write a word counter. 2. Remove every `clone()`. |
						| 2 | Traits | Traits, generics | Rust by Example | Port the counter to generics. |

						## Months 2-3 - Concurrency

						**Goal:** Threads and async without data races.

						| Week | Title | Skills | Resources | Project Tasks |
						|------|-------|--------|-----------|---------------|
						| 3 | Threads | Send & Sync, channels | [std::sync](https://doc.rust-lang.org/std/sync/) | 1. Parallel grep. |
						| 4 | Async | Futures, tokio (runtime, tasks) | [Tokio tutorial](https://tokio.rs/tokio/tutorial), Async Book | 1. Chat server. 2. Load test it. 3. Write it up. |
						| 5 | Review | Profiling | | 1. Tune the chat server. |

						## How to Use This Course

						- Do the exercises **before** reading the answers.
						- Ask for review.
						""");
		assertThat(draft.slug()).isEqualTo("rust-in-five-weeks");
		assertThat(draft.title()).isEqualTo("Rust in Five Weeks");
		assertThat(draft.intro()).isEqualTo("A short course for people who already write C.");
		assertThat(draft.phases()).extracting(PhaseDraft::title, PhaseDraft::goal, PhaseDraft::months)
			.containsExactly(tuple("Ownership", "Stop fighting the borrow checker.", MonthSpan.of(1)),
					tuple("Concurrency", "Threads and async without data races.", new MonthSpan(2, 3)));
		assertThat(weeks(draft)).extracting(WeekDraft::number, WeekDraft::title)
			.containsExactly(tuple(1, "Moves"), tuple(2, "Traits"), tuple(3, "Threads"), tuple(4, "Async"),
					tuple(5, "Review"));
		assertThat(skills(draft)).hasSize(10);
		assertThat(resources(draft)).hasSize(5);
		assertThat(resources(draft)).filteredOn((resource) -> resource.url() == null)
			.extracting(ResourceDraft::title)
			.containsExactly("Rust by Example", "Async Book");
		assertThat(tasks(draft)).containsExactly("Write a word counter.", "Remove every clone().",
				"Port the counter to generics.", "Parallel grep.", "Chat server.", "Load test it.", "Write it up.",
				"Tune the chat server.");
		assertThat(draft.guidelines()).containsExactly("Do the exercises **before** reading the answers.",
				"Ask for review.");
		assertThat(draft.plannedWeeks()).isEqualTo(5);
		assertThat(draft.sections()).isEmpty();
	}

	@Test
	void leavesTheGoalEmptyWhenAMonthHasNone() {
		CurriculumDraft draft = this.parser.parse("no-goal", """
				# No goal

				## Month 1 – Start

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 1 | A | | |
				""");
		assertThat(draft.phases().get(0).goal()).isEmpty();
	}

	@Test
	void readsOtherPartsAsInformationSections() {
		CurriculumDraft draft = this.parser.parse("with-notes", """
				# With notes

				## Month 1 – Start

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				| 1 | A | | |

				## After the course

				Keep *practising*.
				""");
		assertThat(draft.sections())
			.extracting(SectionDraft::part, SectionDraft::title, SectionDraft::kind, SectionDraft::body)
			.containsExactly(tuple("After the course", "After the course", SectionKind.INFO, "Keep *practising*."));
	}

	private WeekDraft oneRow(String row) {
		CurriculumDraft draft = this.parser.parse("one-row", """
				# One row

				## Month 1 – Start

				| Week | Skills | Resources | Project Tasks |
				| --- | --- | --- | --- |
				""" + row + "\n");
		assertThat(weeks(draft)).hasSize(1);
		return weeks(draft).get(0);
	}

}
