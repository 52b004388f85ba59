package io.stepwise.system;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Controllers' failures are caught in MVC before any filter sees them: there, too, only
 * an unreachable database is a 503.
 */
class OutageAdviceTest {

	private final DatabaseOutage outage = new DatabaseOutage(new DatabaseOutage.Settings(Duration.ofSeconds(45)));

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Pages(), new Api())
		.setControllerAdvice(new ApiExceptionHandler(this.outage), new PageExceptionHandler(this.outage))
		.build();

	@Test
	void aPageThatLostItsDatabaseGetsTheStaticPage() throws Exception {
		this.mvc.perform(get("/lost"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "45"))
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("Stepwise is unavailable for a moment")));
	}

	@Test
	void aPageWithAnyOtherDatabaseFailureGoesOnToTheErrorPage() {
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.mvc.perform(get("/duplicate")))
			.withCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anApiCallThatLostItsDatabaseGetsA503ProblemDetail() throws Exception {
		this.mvc.perform(get("/api/lost"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "45"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value(DatabaseOutage.DETAIL));
	}

	@Test
	void anApiCallWithAnyOtherDatabaseFailureIsA500ThatTellsNothing() throws Exception {
		this.mvc.perform(get("/api/duplicate"))
			.andExpect(status().isInternalServerError())
			.andExpect(header().doesNotExist("Retry-After"))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side. Please try again."));
	}

	static DataAccessResourceFailureException lostConnection() {
		return new DataAccessResourceFailureException("could not execute statement",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"));
	}

	@Controller
	static class Pages {

		@GetMapping("/lost")
		String lost() {
			throw lostConnection();
		}

		@GetMapping("/duplicate")
		String duplicate() {
			throw new DataIntegrityViolationException("duplicate key");
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api/lost")
		String lost() {
			throw lostConnection();
		}

		@GetMapping("/api/duplicate")
		String duplicate() {
			throw new DataIntegrityViolationException("duplicate key");
		}

	}

}
