package io.stepwise.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fragment selector such as {@code ~{_fields :: input(...)}} selects the fragment of
 * that name and also every element with that tag name: a fragment named like an HTML
 * element drags unrelated markup into the page (a stray password field in each form row,
 * the heat map's SVG titles in the page head).
 */
class TemplateFragmentsTest {

	private static final Pattern FRAGMENT_NAME = Pattern.compile("th:(?:fragment|ref)=\"\\s*([\\w-]+)");

	private static final Pattern LOCAL_SELECTOR = Pattern.compile("~\\{\\s*::\\s*([\\w-]+)");

	@Test
	void fragmentsAreNotNamedLikeHtmlElements() throws IOException {
		List<String> clashes = new ArrayList<>();
		for (Resource template : templates()) {
			Matcher name = FRAGMENT_NAME.matcher(source(template));
			while (name.find()) {
				if (Tag.isKnownTag(name.group(1))) {
					clashes.add(template.getFilename() + ": " + name.group(1));
				}
			}
		}
		assertThat(clashes).isEmpty();
	}

	@Test
	void aPageSelectingItsOwnElementsByTagHasOnlyOneOfThem() throws IOException {
		// "~{::title}" is fine while the page has one <title>; a second one (an SVG
		// title)
		// would be selected too.
		List<String> ambiguous = new ArrayList<>();
		for (Resource template : templates()) {
			String source = source(template);
			Document page = Jsoup.parse(source);
			Matcher selector = LOCAL_SELECTOR.matcher(source);
			while (selector.find()) {
				String name = selector.group(1);
				if (Tag.isKnownTag(name) && page.getElementsByTag(name).size() != 1) {
					ambiguous.add(template.getFilename() + ": ::" + name);
				}
			}
		}
		assertThat(ambiguous).isEmpty();
	}

	private static Resource[] templates() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		return templates;
	}

	private static String source(Resource template) throws IOException {
		return template.getContentAsString(StandardCharsets.UTF_8);
	}

}
