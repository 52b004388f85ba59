package io.stepwise.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTimeTest {

	private final HtmlTime time = new HtmlTime();

	@Test
	void storedTimesLoseTheirMicrosecondsAndKeepTheirOffset() {
		Instant stored = Instant.parse("2026-12-02T00:50:48.087101Z");
		assertThat(this.time.of(stored)).isEqualTo("2026-12-02T00:50:48Z");
		assertThat(this.time.of(stored.atZone(ZoneId.of("Europe/Berlin")))).isEqualTo("2026-12-02T01:50:48+01:00");
		assertThat(this.time.of(OffsetDateTime.of(2026, 12, 2, 0, 50, 48, 87_101_000, ZoneOffset.UTC)))
			.isEqualTo("2026-12-02T00:50:48Z");
	}

	@Test
	void datesStayAsTheyAre() {
		assertThat(this.time.of(LocalDate.of(2026, 9, 7))).isEqualTo("2026-09-07");
		assertThat(this.time.of(null)).isNull();
	}

}
