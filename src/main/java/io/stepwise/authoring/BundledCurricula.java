package io.stepwise.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stepwise.curriculum.CurriculumDraft;
import io.stepwise.curriculum.CurriculumLibrary;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Imports the curricula that ship with the portal on first start. A curriculum whose slug
 * is already stored is left alone, so restarts never duplicate one; a bundled document
 * that does not parse stops the start, since it is a defect of the release.
 */
@Component
class BundledCurricula implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BundledCurricula.class);

	private final CurriculumLibrary library;

	private final MarkdownCurriculumParser parser;

	private final Settings settings;

	BundledCurricula(CurriculumLibrary library, MarkdownCurriculumParser parser, Settings settings) {
		this.library = library;
		this.parser = parser;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.settings.importOnStart()) {
			return;
		}
		try {
			Resource[] documents = new PathMatchingResourcePatternResolver().getResources(this.settings.location());
			for (Resource document : documents) {
				importIfAbsent(document);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bundled curricula at " + this.settings.location(), ex);
		}
	}

	private void importIfAbsent(Resource document) throws IOException {
		String filename = document.getFilename();
		String slug = filename.substring(0, filename.length() - ".md".length());
		if (this.library.contains(slug)) {
			return;
		}
		byte[] content = document.getContentAsByteArray();
		CurriculumDraft draft = this.parser.parse(slug, content);
		try {
			this.library.add(draft, sha256(content));
			log.info("Imported the bundled curriculum '{}': {} weeks", slug,
					draft.phases().stream().mapToInt((phase) -> phase.weeks().size()).sum());
		}
		catch (DataIntegrityViolationException ex) {
			if (!this.library.contains(slug)) {
				throw ex;
			}
			log.info("The bundled curriculum '{}' was imported by another instance meanwhile", slug);
		}
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param importOnStart whether to import the bundled curricula missing from the
	 * database
	 * @param location where the bundled Markdown documents are; each file name (without
	 * {@code .md}) is the curriculum's slug
	 */
	@ConfigurationProperties("stepwise.curricula")
	record Settings(@DefaultValue("true") boolean importOnStart,
			@DefaultValue("classpath:curricula/*.md") String location) {
	}

}
