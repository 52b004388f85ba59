package io.stepwise.authoring;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stepwise.account.AccountUser;
import io.stepwise.cohort.CohortFixtures;
import io.stepwise.curriculum.CurriculumRevisions;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins download any curriculum as a Markdown document that reads back as it is. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CohortFixtures.class)
class CurriculumExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CohortFixtures fixtures;

	@Autowired
	CurriculumRevisions revisions;

	@Autowired
	MarkdownCurriculumParser parser;

	static List<String> bundled() {
		return BundledDocuments.slugs().toList();
	}

	@ParameterizedTest
	@MethodSource("bundled")
	void storesABundledDocumentAsItReadsAndExportsItAsADocumentThatReadsTheSame(String slug) throws Exception {
		assertThat(this.revisions.storedDraft(slug)).contains(BundledDocuments.draft(slug));

		byte[] export = this.mvc
			.perform(get("/api/v1/curricula/{slug}/export", slug).with(fullLogin(this.fixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/markdown;charset=UTF-8"))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + ".md\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(this.parser.parse(slug, export)).isEqualTo(BundledDocuments.draft(slug));
		assertThat(new String(export, StandardCharsets.UTF_8)).startsWith("# ");
	}

	@Test
	void answersHeadAsGet() throws Exception {
		this.mvc
			.perform(head("/api/v1/curricula/{slug}/export", BundledDocuments.SYLLABUS)
				.with(fullLogin(this.fixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + BundledDocuments.SYLLABUS + ".md\""));
	}

	@Test
	void anUnknownCurriculumIsAProblemNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/curricula/no-such-curriculum/export").with(fullLogin(this.fixtures.admin())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void learnersMentorsAndAnonymousCallersCannotExport() throws Exception {
		String path = "/api/v1/curricula/" + BundledDocuments.SYLLABUS + "/export";
		for (AccountUser refused : List.of(this.fixtures.learner(), this.fixtures.mentor())) {
			this.mvc.perform(get(path).with(user(refused)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
	}

}
