package io.stepwise.system;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class HashingBusyHandlerTest {

	private final HashingBusyHandler handler = new HashingBusyHandler(new SecurityEvents(new SimpleMeterRegistry()));

	@Test
	void aPageIsTheFriendly503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		ResponseEntity<ProblemDetail> answer = this.handler.busy(new HashingBusyException(Duration.ofSeconds(2)),
				new MockHttpServletRequest("POST", "/signup"), response);

		assertThat(answer).isNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
	}

	@Test
	void theApiAnswersAProblemDetail() throws Exception {
		ResponseEntity<ProblemDetail> answer = this.handler.busy(new HashingBusyException(Duration.ofSeconds(3)),
				new MockHttpServletRequest("POST", "/api/v1/admin/users/7/temporary-password"),
				new MockHttpServletResponse());

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
		assertThat(answer.getBody().getStatus()).isEqualTo(503);
	}

}
