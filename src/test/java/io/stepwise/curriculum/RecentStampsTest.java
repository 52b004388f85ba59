package io.stepwise.curriculum;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stepwise.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class RecentStampsTest {

	private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

	private final CurriculumRepository repository = mock(CurriculumRepository.class);

	private final MutableClock clock = new MutableClock(START);

	private final RecentStamps stamps = new RecentStamps(this.repository, this.clock, Duration.ofSeconds(1));

	@Test
	void aStampIsTrustedForTheRecheckTimeAndReadAgainAfterIt() {
		CurriculumStamp first = new CurriculumStamp(1, 3, START);
		CurriculumStamp edited = new CurriculumStamp(1, 4, START.plusMillis(500));
		given(this.repository.findStampBySlug("a")).willReturn(Optional.of(first), Optional.of(edited));

		assertThat(this.stamps.ofSlug("a")).contains(first);
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.stamps.ofSlug("a")).as("within the moment").contains(first);
		verify(this.repository, times(1)).findStampBySlug("a");

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.stamps.ofSlug("a")).as("an edit shows after it").contains(edited);
		verify(this.repository, times(2)).findStampBySlug("a");
	}

	@Test
	void unknownSlugsAreAskedEveryTimeAndNotKept() {
		given(this.repository.findStampBySlug("nope")).willReturn(Optional.empty());
		assertThat(this.stamps.ofSlug("nope")).isEmpty();
		assertThat(this.stamps.ofSlug("nope")).isEmpty();
		verify(this.repository, times(2)).findStampBySlug("nope");
	}

	@Test
	void theHomePagesStampsAreTrustedTheSameWay() {
		List<CurriculumStamp> before = List.of(new CurriculumStamp(1, 3, START));
		List<CurriculumStamp> after = List.of(new CurriculumStamp(1, 3, START), new CurriculumStamp(2, 0, START));
		given(this.repository.findAllStamps()).willReturn(before, after);
		assertThat(this.stamps.ofAll()).isEqualTo(before);
		assertThat(this.stamps.ofAll()).isEqualTo(before);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.stamps.ofAll()).as("a new curriculum shows").isEqualTo(after);
	}

	@Test
	void aClockSetBackDoesNotKeepAStampForever() {
		CurriculumStamp first = new CurriculumStamp(1, 3, START);
		CurriculumStamp edited = new CurriculumStamp(1, 4, START);
		given(this.repository.findStampBySlug("a")).willReturn(Optional.of(first), Optional.of(edited));
		this.stamps.ofSlug("a");
		this.clock.advance(Duration.ofHours(-1));
		assertThat(this.stamps.ofSlug("a")).contains(edited);
	}

	@Test
	void forgottenStampsAreReadAgain() {
		given(this.repository.findStampBySlug("a")).willReturn(Optional.of(new CurriculumStamp(1, 3, START)));
		this.stamps.ofSlug("a");
		this.stamps.forget();
		this.stamps.ofSlug("a");
		verify(this.repository, times(2)).findStampBySlug("a");
	}

	@Test
	void aRecheckOfZeroReadsEveryTime() {
		RecentStamps always = new RecentStamps(this.repository, this.clock, Duration.ZERO);
		given(this.repository.findStampBySlug("a")).willReturn(Optional.of(new CurriculumStamp(1, 3, START)));
		always.ofSlug("a");
		always.ofSlug("a");
		verify(this.repository, times(2)).findStampBySlug("a");
	}

}
