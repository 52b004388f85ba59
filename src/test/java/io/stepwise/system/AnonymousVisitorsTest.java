package io.stepwise.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

/**
 * Anonymous reading costs no session: no cookie, no row. Sessions start at the login and
 * sign-up forms (urls.md), so crawlers fill neither memory nor the session table.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AnonymousVisitorsTest {

	private static final String SYLLABUS = "/curricula/django-24-week-syllabus";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readingThePublicPagesAndTheApiMakesNoSession() throws Exception {
		int before = sessionRows();
		for (String path : List.of("/", SYLLABUS, SYLLABUS + "/weeks/1", SYLLABUS + "/weeks/24", "/curricula/no-such",
				"/api/v1/curricula", "/api/v1/curricula/django-24-week-syllabus")) {
			for (MockHttpServletResponse response : List.of(answer(path, MediaType.TEXT_HTML),
					answer(path, MediaType.APPLICATION_JSON), headAnswer(path))) {
				assertThat(response.getStatus()).as(path).isLessThan(500);
				assertThat(response.getHeaders("Set-Cookie")).as(path).isEmpty();
			}
		}
		assertThat(sessionRows()).isEqualTo(before);
	}

	/**
	 * The container drops a HEAD answer's body; what MockMvc shows is what GET would
	 * send.
	 */
	@Test
	void headAnswersWhereverGetDoesAsGetWould() throws Exception {
		for (String path : List.of("/", SYLLABUS, SYLLABUS + "/weeks/1", "/curricula/no-such", "/api/v1/curricula",
				"/api/v1/curricula/django-24-week-syllabus", "/login", "/dashboard")) {
			MockHttpServletResponse get = answer(path, MediaType.TEXT_HTML);
			MockHttpServletResponse head = this.mvc.perform(head(path).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(head.getStatus()).as(path).isEqualTo(get.getStatus());
			assertThat(head.getRedirectedUrl()).as(path).isEqualTo(get.getRedirectedUrl());
			assertThat(head.getContentType()).as(path).isEqualTo(get.getContentType());
		}
		assertThat(answer(SYLLABUS, MediaType.TEXT_HTML).getStatus()).isEqualTo(200);
	}

	@Test
	void aProtectedPageSendsToTheLoginFormWithoutMakingASession() throws Exception {
		int before = sessionRows();

		MockHttpServletResponse response = answer("/join/ABCDEFGH", MediaType.TEXT_HTML);

		assertThat(response.getRedirectedUrl()).isEqualTo("/login");
		// The page to come back to waits in a cookie of its own.
		assertThat(response.getCookie("SESSION")).isNull();
		assertThat(response.getCookie("REDIRECT_URI")).isNotNull();
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void theLoginAndSignupFormsStartASession() throws Exception {
		for (String form : List.of("/login", "/signup")) {
			int before = sessionRows();

			MockHttpServletResponse response = answer(form, MediaType.TEXT_HTML);

			assertThat(response.getCookie("SESSION")).as(form).isNotNull();
			assertThat(sessionRows()).as(form).isEqualTo(before + 1);
		}
	}

	private MockHttpServletResponse answer(String path, MediaType accept) throws Exception {
		return this.mvc.perform(get(path).accept(accept)).andReturn().getResponse();
	}

	private MockHttpServletResponse headAnswer(String path) throws Exception {
		return this.mvc.perform(head(path)).andReturn().getResponse();
	}

	private int sessionRows() {
		return this.jdbc.queryForObject("select count(*) from spring_session", Integer.class);
	}

}
