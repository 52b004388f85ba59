package io.stepwise.system;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class LoginThrottleFilterTest {

	private final LoginThrottle throttle = mock(LoginThrottle.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LoginThrottleFilter filter = new LoginThrottleFilter(this.throttle, new SecurityEvents(this.meters));

	@Test
	void aLoginWhoseHashingStaysBusyIs503WithRetryAfterAndCountsForNothing() throws Exception {
		MockHttpServletRequest request = login("alice", "203.0.113.7");
		given(this.throttle.beginLogin("alice", "203.0.113.7")).willReturn(Optional.empty());
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, (req, res) -> {
			throw new HashingBusyException(Duration.ofSeconds(2));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		verify(this.throttle).notChecked("alice", "203.0.113.7");
	}

	@Test
	void aLoginOverTheLimitIs429AndCounted() throws Exception {
		MockHttpServletRequest request = login("alice", "203.0.113.7");
		given(this.throttle.beginLogin("alice", "203.0.113.7")).willReturn(Optional.of(Duration.ofSeconds(75)));
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, (req, res) -> {
			throw new AssertionError("the password must not be checked");
		});

		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isEqualTo("75");
		assertThat(this.meters.get("stepwise.logins.throttled").tag("form", "login").counter().count()).isEqualTo(1);
	}

	private static MockHttpServletRequest login(String username, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setParameter("username", username);
		request.setRemoteAddr(address);
		return request;
	}

}
