package io.stepwise.curriculum;

import io.stepwise.account.TestAccounts;
import io.stepwise.support.BundledDocuments;
import io.stepwise.support.StatementCounter;
import io.stepwise.support.StatementCounting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overview and week pages cost the same number of SQL statements whatever the
 * curriculum and whichever week: the catalog reads one statement per kind of content. The
 * syllabus and the roadmap differ in size and shape (24 vs 19 weeks, 33 vs 9 tasks, no
 * references vs 53), and the first and last weeks sit at both ends of the data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ StatementCounting.class, TestAccounts.class })
class CurriculumPageStatementsTest {

	/**
	 * What an anonymous visitor's overview or week page sends, in order:
	 * <ol>
	 * <li>the curriculum id for the slug</li>
	 * <li>the curriculum row with its guidelines (one join)</li>
	 * <li>its phases</li>
	 * <li>its weeks</li>
	 * <li>its skills and project tasks</li>
	 * <li>its sections</li>
	 * <li>its references</li>
	 * <li>the citations of weeks, items, resources and sections (one union)</li>
	 * <li>its resources</li>
	 * </ol>
	 * Nothing for progress: the progress module adds nothing for anonymous visitors.
	 */
	static final long STATEMENTS_PER_CURRICULUM_PAGE = 9;

	@Autowired
	MockMvc mvc;

	@Autowired
	StatementCounter statements;

	@ParameterizedTest
	@ValueSource(strings = { "/curricula/" + BundledDocuments.SYLLABUS, "/curricula/" + BundledDocuments.ROADMAP })
	void overviewIssuesAFixedNumberOfStatements(String path) throws Exception {
		assertThat(statementsFor(path)).isEqualTo(STATEMENTS_PER_CURRICULUM_PAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/curricula/" + BundledDocuments.SYLLABUS + "/weeks/1",
			"/curricula/" + BundledDocuments.SYLLABUS + "/weeks/24",
			"/curricula/" + BundledDocuments.ROADMAP + "/weeks/1",
			"/curricula/" + BundledDocuments.ROADMAP + "/weeks/19" })
	void weekPageIssuesAFixedNumberOfStatements(String path) throws Exception {
		assertThat(statementsFor(path)).isEqualTo(STATEMENTS_PER_CURRICULUM_PAGE);
	}

	private long statementsFor(String path) throws Exception {
		this.statements.reset();
		this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
		return this.statements.total();
	}

}
