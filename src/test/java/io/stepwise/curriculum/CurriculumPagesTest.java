package io.stepwise.curriculum;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounting.class)
class CurriculumPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StatementCounter statements;

	@Test
	void weekPageShowsSkillsResourcesAndTasks() throws Exception {
		Document page = page("/curricula/django-24-week-syllabus/weeks/5");
		assertThat(page.select("h1").text()).isEqualTo("Week 5");
		assertThat(page.select("#skills-heading + ul li").eachText())
			.containsExactly("Advanced ORM queries (filter, annotate, select_related)");
		assertThat(page.select("#tasks-heading + ol li").eachText())
			.containsExactly("1. Add search & filtering to To-Do List.", "2. Optimize queries.");
	}

	@Test
	void weekPageIssuesAFixedNumberOfStatements() throws Exception {
		this.statements.reset();
		page("/curricula/django-24-week-syllabus/weeks/1");
		long small = this.statements.total();
		this.statements.reset();
		page("/curricula/django-12-month-roadmap/weeks/17");
		assertThat(this.statements.total()).isEqualTo(small);
		List<Element> rows = page("/curricula/django-12-month-roadmap").select("li.week-row");
		assertThat(rows).hasSize(19);
	}

	private Document page(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
