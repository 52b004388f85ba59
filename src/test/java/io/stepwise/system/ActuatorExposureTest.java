package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the main port, by default, Actuator serves health and its probes and nothing else:
 * no environment, beans, info or metrics for whoever asks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActuatorExposureTest {

	static final List<String> NOT_SERVED = List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info",
			"/actuator/prometheus", "/actuator/metrics", "/actuator/configprops", "/actuator/heapdump",
			"/actuator/loggers", "/actuator/mappings", "/actuator/threaddump", "/actuator/shutdown",
			"/actuator/health/db");

	@LocalServerPort
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void healthAndTheProbesAnswerWithoutDetailsOrASession() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/livez", "/readyz")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat((String) JsonPath.read(response.body(), "$.status")).as(path).isEqualTo("UP");
			assertThat(response.body()).as(path).doesNotContain("components", "details", "db");
			assertThat(response.headers().firstValue("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void nothingElseOfActuatorIsServedOnTheMainPort() throws Exception {
		for (String path : NOT_SERVED) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(302, 403, 404);
			assertThat(response.body()).as(path)
				.doesNotContain("propertySources", "\"beans\"", "\"git\"", "\"build\"", "jvm_", "_links", "\"names\"");
		}
	}

	@Test
	void actuatorAcceptsNoWrites() throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(uri("/actuator/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(403, 405);
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
