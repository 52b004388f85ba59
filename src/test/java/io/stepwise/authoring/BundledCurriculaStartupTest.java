package io.stepwise.authoring;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumLibrary;
import io.stepwise.support.BundledDocuments;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What the start does with each bundled document, with the library standing in for the
 * database.
 */
class BundledCurriculaStartupTest {

	private final CurriculumLibrary library = mock(CurriculumLibrary.class);

	private final BundledCurricula bundled = new BundledCurricula(this.library, new MarkdownCurriculumParser(),
			new BundledCurricula.Settings(true, "classpath:curricula/" + BundledDocuments.SYLLABUS + ".md"));

	@Test
	void importsADocumentWhoseSlugIsNotStoredYet() {
		given(this.library.contains(BundledDocuments.SYLLABUS)).willReturn(false);
		this.bundled.afterSingletonsInstantiated();
		verify(this.library).add(any(CurriculumDraft.class), anyString());
	}

	@Test
	void leavesAStoredCurriculumAlone() {
		given(this.library.contains(BundledDocuments.SYLLABUS)).willReturn(true);
		this.bundled.afterSingletonsInstantiated();
		verify(this.library, never()).add(any(), any());
	}

	@Test
	void toleratesAnotherInstanceStoringTheSameCurriculumMeanwhile() {
		given(this.library.contains(BundledDocuments.SYLLABUS)).willReturn(false, true);
		given(this.library.add(any(), any())).willThrow(new DataIntegrityViolationException("uk_curriculum_slug"));
		assertThatNoException().isThrownBy(this.bundled::afterSingletonsInstantiated);
	}

	@Test
	void stopsTheStartWhenTheDatabaseRefusesTheDocumentForAnotherReason() {
		// A bundled document the database cannot hold (a title longer than its column,
		// say) is a defect of the release, not a race to shrug off.
		given(this.library.contains(BundledDocuments.SYLLABUS)).willReturn(false);
		given(this.library.add(any(), any())).willThrow(new DataIntegrityViolationException("value too long"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(this.bundled::afterSingletonsInstantiated);
	}

	@Test
	void stopsTheStartWhenABundledDocumentDoesNotParse() {
		BundledCurricula broken = new BundledCurricula(this.library, new MarkdownCurriculumParser(),
				new BundledCurricula.Settings(true, "classpath:broken-curricula/*.md"));
		assertThatExceptionOfType(CurriculumFormatException.class).isThrownBy(broken::afterSingletonsInstantiated);
	}

	@Test
	void importsNothingWhenSwitchedOff() {
		new BundledCurricula(this.library, new MarkdownCurriculumParser(),
				new BundledCurricula.Settings(false, "classpath:curricula/*.md"))
			.afterSingletonsInstantiated();
		verify(this.library, never()).contains(any());
		verify(this.library, never()).add(any(), any());
	}

}
