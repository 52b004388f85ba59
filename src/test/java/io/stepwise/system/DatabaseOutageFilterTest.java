package io.stepwise.system;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outage filter answers for everything behind it, the session store's filter and the
 * security filters among them, and answers only for an unreachable database.
 */
class DatabaseOutageFilterTest {

	private final DatabaseOutage outage = new DatabaseOutage(new DatabaseOutage.Settings(Duration.ofSeconds(30)));

	private final DatabaseOutageFilter filter = new DatabaseOutageFilter(this.outage);

	private static final FilterChain UNREACHABLE = (request, response) -> {
		((HttpServletResponse) response).setHeader("Set-Cookie", "SESSION=abc");
		throw new ServletException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms")));
	};

	@Test
	void aPageWhoseDatabaseIsUnreachableGetsTheStaticPageWithRetryAfter() throws Exception {
		MockHttpServletResponse response = filter(new MockHttpServletRequest("GET", "/dashboard"), UNREACHABLE);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(DatabaseOutage.CONTENT_SECURITY_POLICY);
		assertThat(response.getHeader("Set-Cookie")).as("what the failed request had set is dropped").isNull();
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<h1>Stepwise is unavailable for a moment</h1>")
			.doesNotContain("Exception", "Hikari");
	}

	@Test
	void anApiCallWhoseDatabaseIsUnreachableGetsAProblemDetail() throws Exception {
		MockHttpServletResponse response = filter(new MockHttpServletRequest("GET", "/api/v1/curricula"), UNREACHABLE);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503", DatabaseOutage.DETAIL);
	}

	@Test
	void anyOtherFailurePassesThrough() {
		FilterChain conflict = (request, response) -> {
			throw new DataIntegrityViolationException("duplicate key");
		};
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> filter(new MockHttpServletRequest("POST", "/signup"), conflict));
	}

	@Test
	void aResponseAlreadyPartlySentIsLeftAlone() {
		FilterChain committed = (request, response) -> {
			response.getOutputStream().print("half a page");
			response.flushBuffer();
			UNREACHABLE.doFilter(request, response);
		};
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> filter(new MockHttpServletRequest("GET", "/dashboard"), committed));
	}

	@Test
	void theFilterRunsBeforeEveryOtherIncludingSpringSessions() {
		int sessionRepositoryFilterOrder = Integer.MIN_VALUE + 50;
		int order = new OutageConfiguration().databaseOutageFilter(this.outage).getOrder();
		assertThat(order).isEqualTo(Ordered.HIGHEST_PRECEDENCE).isLessThan(sessionRepositoryFilterOrder);
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request, FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

}
