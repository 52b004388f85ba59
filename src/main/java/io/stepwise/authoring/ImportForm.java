package io.stepwise.authoring;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form: the document and the curriculum it is for. The file's name is only
 * shown.
 */
record ImportForm(String slug, MultipartFile file) {

	static ImportForm empty() {
		return new ImportForm("", null);
	}

	boolean hasFile() {
		return this.file != null && !this.file.isEmpty();
	}

}
