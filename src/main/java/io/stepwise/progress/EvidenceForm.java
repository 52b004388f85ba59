package io.stepwise.progress;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.stepwise.curriculum.ContentLimits;
import io.stepwise.curriculum.WebLink;
import io.stepwise.curriculum.WebLinks;
import io.stepwise.system.PlainText;

/** What a learner may send about a task: a link to their work and a short note. */
record EvidenceForm(
		@NotBlank(message = "{evidence.url.required}") @Size(max = ContentLimits.URL,
				message = "{evidence.url.tooLong}") @WebLink(message = "{evidence.url.http}") String url,
		@Size(max = EvidenceForm.NOTE_LENGTH, message = "{evidence.note.tooLong}") @PlainText(multiline = true,
				message = "{text.controlCharacters}") String note) {

	static final int NOTE_LENGTH = 1_000;

	static EvidenceForm empty() {
		return new EvidenceForm("", "");
	}

	static EvidenceForm of(EvidenceView evidence) {
		return new EvidenceForm(evidence.url(), evidence.note());
	}

	SubmitEvidence toCommand(long learnerId, String slug, long itemId) {
		String text = (this.note != null) ? this.note.strip().replace("\r\n", "\n") : "";
		return new SubmitEvidence(learnerId, slug, itemId, WebLinks.requireHttp(this.url.strip()), text);
	}

}
