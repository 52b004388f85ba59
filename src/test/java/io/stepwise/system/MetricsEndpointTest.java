package io.stepwise.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.stepwise.account.AccountUser;
import io.stepwise.account.TestAccounts;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static io.stepwise.support.FullLogin.fullLogin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the metrics profile, Actuator moves to its own port and serves Prometheus metrics,
 * the domain's among them, and build and git info there; the main port keeps only the
 * probes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureMetrics
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "metrics" })
@Import(TestAccounts.class)
class MetricsEndpointTest {

	static final String SYLLABUS = "django-24-week-syllabus";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestAccounts accounts;

	@Autowired
	UserDetailsService users;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void domainEventsAreCountedOnceStoredAndScrapedFromTheManagementPort() throws Exception {
		double signups = count("stepwise.signups");
		double checkOffs = count("stepwise.checkoffs");
		double imports = count("stepwise.imports");

		AccountUser learner = this.accounts.learner();
		this.mvc.perform(post("/api/v1/curricula/{slug}/enrollment", SYLLABUS).with(user(learner)).with(csrf()))
			.andExpect(status().isCreated());
		long item = itemOfWeekOne(learner);
		for (int i = 0; i < 2; i++) {
			// The second is no change, and no check-off.
			this.mvc
				.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, item).with(user(learner))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"done\": true}"))
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(put("/api/v1/me/progress/{slug}/items/{id}", SYLLABUS, item).with(user(learner))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"done\": false}"))
			.andExpect(status().isOk());
		importACurriculum();

		assertThat(count("stepwise.signups")).isEqualTo(signups + 1);
		assertThat(count("stepwise.checkoffs")).isEqualTo(checkOffs + 1);
		assertThat(count("stepwise.imports")).isEqualTo(imports + 1);

		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("stepwise_signups_total", "stepwise_checkoffs_total",
				"stepwise_imports_total", "stepwise_learners_active", "hikaricp_connections_active",
				"http_server_requests_seconds");
		assertThat(activeLearners(scrape.body())).isGreaterThanOrEqualTo(1);
	}

	@Test
	void infoOnTheManagementPortTellsTheBuildAndTheCommit() throws Exception {
		HttpResponse<String> info = get(this.managementPort, "/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(info.body(), "$.build.artifact")).isEqualTo("stepwise");
		assertThat((String) JsonPath.read(info.body(), "$.build.version")).isNotBlank();
		// The git plugin writes git.properties wherever the build has a .git, as CI's
		// clone does; a build from a source archive has none.
		if (new ClassPathResource("git.properties").exists()) {
			assertThat((String) JsonPath.read(info.body(), "$.git.commit.id")).matches("[0-9a-f]{7,40}");
		}
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/env").statusCode()).isNotEqualTo(200);
	}

	@Test
	void theMainPortKeepsTheProbesAndServesNoMetrics() throws Exception {
		assertThat(get(this.port, "/livez").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/readyz").statusCode()).isEqualTo(200);
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
		assertThat(get(this.port, "/actuator/info").statusCode()).isNotEqualTo(200);
	}

	long itemOfWeekOne(AccountUser learner) throws Exception {
		String progress = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/me/progress/{slug}", SYLLABUS)
				.with(user(learner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(progress, "$.weeks[0].items[0].id")).longValue();
	}

	void importACurriculum() throws Exception {
		AccountUser admin = (AccountUser) this.users.loadUserByUsername("admin");
		String slug = "metrics-test-" + LocalDate.now().toEpochDay() + "-" + System.nanoTime();
		String preview = this.mvc
			.perform(post("/api/v1/admin/imports").param("slug", slug)
				.contentType(MediaType.parseMediaType("text/markdown"))
				.content(BundledDocuments.source(BundledDocuments.ROADMAP))
				.with(fullLogin(admin))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(preview, "$.id")).longValue();
		this.mvc.perform(post("/api/v1/admin/imports/{id}/apply", id).with(fullLogin(admin)).with(csrf()))
			.andExpect(status().is2xxSuccessful());
	}

	double count(String counter) {
		return this.meters.get(counter).counter().count();
	}

	static double activeLearners(String scrape) {
		return scrape.lines()
			.filter((line) -> line.startsWith("stepwise_learners_active "))
			.map((line) -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
			.findFirst()
			.orElseThrow();
	}

	HttpResponse<String> get(int port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				BodyHandlers.ofString());
	}

}
