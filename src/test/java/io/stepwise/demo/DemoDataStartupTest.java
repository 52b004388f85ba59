package io.stepwise.demo;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What the start does with the demo data, with the seeder standing in for the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataStartupTest {

	private final DemoSeeder seeder = mock(DemoSeeder.class);

	private final DemoData demo = new DemoData(this.seeder, new DemoData.Settings(true));

	@Test
	void printsEveryDemoAccountsPasswordOnceAtWarn(CapturedOutput output) {
		given(this.seeder.seedIfFree())
			.willReturn(Optional.of(List.of(new DemoAccount("mentor", "Mina Mentor", true, "k4UbgYGug393NS7bmitv"),
					new DemoAccount("amara", "Amara Okafor", false, "Zq8vTmWc3RkPyH2nXb7d"))));
		this.demo.run(null);
		assertThat(output.getAll()).contains("WARN")
			.contains("demo accounts")
			.contains("Log in as 'mentor'")
			.containsPattern("mentor\\s+k4UbgYGug393NS7bmitv\\s+Mina Mentor \\(mentor\\)")
			.containsPattern("amara\\s+Zq8vTmWc3RkPyH2nXb7d\\s+Amara Okafor");
		assertThat(output.getAll().split("k4UbgYGug393NS7bmitv", -1)).hasSize(2);
	}

	@Test
	void printsNothingWhenThereWasNothingToSeed(CapturedOutput output) {
		given(this.seeder.seedIfFree()).willReturn(Optional.empty());
		this.demo.run(null);
		assertThat(output.getAll()).doesNotContain("Demo data");
	}

	@Test
	void seedsNothingWhenSwitchedOff() {
		new DemoData(this.seeder, new DemoData.Settings(false)).run(null);
		verify(this.seeder, never()).seedIfFree();
		verify(this.seeder, never()).mentorExists();
	}

	@Test
	void startsWhenAnotherInstanceSeededTheDemoMeanwhile() {
		given(this.seeder.seedIfFree()).willThrow(new DataIntegrityViolationException("uk_user_username"));
		given(this.seeder.mentorExists()).willReturn(true);
		assertThatNoException().isThrownBy(() -> this.demo.run(null));
	}

	@Test
	void stopsTheStartWhenSeedingFailedForAnotherReason() {
		given(this.seeder.seedIfFree()).willThrow(new IllegalStateException("The syllabus has no week 9"));
		given(this.seeder.mentorExists()).willReturn(false);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.demo.run(null));
	}

}
