package io.stepwise.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.stepwise.curriculum.ResourceKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word the portal shows comes from {@code messages.properties}, and every message
 * there is used.
 * <p>
 * Hard-coded text is found in the templates themselves: text in a template is fine only
 * where Thymeleaf replaces it at render time (inside an element with {@code th:text},
 * {@code th:utext}, {@code th:replace} or {@code th:insert}); anywhere else it reaches
 * the page as written. Attributes people read ({@code aria-label}, {@code title},
 * {@code alt}, {@code placeholder}) must be {@code th:} attributes for the same reason. A
 * scan of the sources covers every template and fragment, including states that are hard
 * to reach in a test; {@link MarkedMessagesTest} checks the rendered pages.
 */
class MessagesTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.]*)");

	/** {@code #{|resource.kind.${resource.kind}|}}: a key completed at render time. */
	private static final Pattern TEMPLATE_KEY_PREFIX = Pattern.compile("#\\{\\|([A-Za-z][\\w.]*\\.)\\$\\{");

	/** Quoted dotted names in Java: message codes, among other things. */
	private static final Pattern JAVA_LITERAL = Pattern.compile("\"\\{?([a-z]\\w*(?:\\.[A-Za-z]\\w*)+)}?\"");

	private static final Set<String> REPLACING_ATTRIBUTES = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"sec:authentication");

	private static final Set<String> READ_ATTRIBUTES = Set.of("aria-label", "aria-description", "title", "alt",
			"placeholder");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private final Properties messages = messages();

	private final Map<String, String> templates = templates();

	@Test
	void everyKeyUsedInATemplateExists() {
		Set<String> missing = new TreeSet<>();
		this.templates.forEach((name, source) -> {
			Matcher key = TEMPLATE_KEY.matcher(source);
			while (key.find()) {
				if (!this.messages.containsKey(key.group(1))) {
					missing.add(name + ": " + key.group(1));
				}
			}
		});
		assertThat(missing).isEmpty();
	}

	@Test
	void everyResourceKindHasALabel() {
		assertThat(Stream.of(ResourceKind.values()).map((kind) -> "resource.kind." + kind.name()))
			.allSatisfy((key) -> assertThat(this.messages).containsKey(key));
	}

	@Test
	void everyMessageCodeNamedInJavaExists() throws IOException {
		// A dotted literal whose first part names a group of messages ("signup.",
		// "progress.") is a message code; others ("stepwise.curricula") are not.
		Set<String> groups = this.messages.stringPropertyNames()
			.stream()
			.map((key) -> key.substring(0, key.indexOf('.') + 1))
			.collect(Collectors.toSet());
		Set<String> missing = new TreeSet<>();
		for (String literal : javaLiterals()) {
			if (groups.stream().anyMatch(literal::startsWith) && !this.messages.containsKey(literal)) {
				missing.add(literal);
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyMessageIsUsed() throws IOException {
		Set<String> used = new TreeSet<>(javaLiterals());
		List<String> prefixes = new ArrayList<>();
		this.templates.values().forEach((source) -> {
			TEMPLATE_KEY.matcher(source).results().map((match) -> match.group(1)).forEach(used::add);
			TEMPLATE_KEY_PREFIX.matcher(source).results().map((match) -> match.group(1)).forEach(prefixes::add);
		});
		Set<String> unused = this.messages.stringPropertyNames()
			.stream()
			.filter((key) -> !used.contains(key))
			.filter((key) -> prefixes.stream().noneMatch(key::startsWith))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(unused).isEmpty();
	}

	@Test
	void messagesWithArgumentsAreValidPatternsThatKeepTheirApostrophes() {
		// Messages with arguments go through MessageFormat, which swallows a single
		// apostrophe; those without are shown as written.
		for (String key : this.messages.stringPropertyNames()) {
			String message = this.messages.getProperty(key);
			if (message.contains("{0")) {
				assertThat(new MessageFormat(message).toPattern()).as(key).isNotEmpty();
				assertThat(message.replace("''", "")).as("%s has a single apostrophe", key).doesNotContain("'");
			}
		}
	}

	@Test
	void templatesHaveNoHardCodedText() {
		List<String> found = new ArrayList<>();
		this.templates.forEach((name, source) -> {
			Document template = Jsoup.parse(source);
			template.traverse((node, depth) -> {
				if (node instanceof TextNode text && LETTER.matcher(text.text()).find() && !replaced(text)) {
					found.add(name + ": text \"" + text.text().strip() + "\"");
				}
				if (node instanceof Element element) {
					for (Attribute attribute : element.attributes()) {
						if (READ_ATTRIBUTES.contains(attribute.getKey())
								&& LETTER.matcher(attribute.getValue()).find()) {
							found.add(name + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
						}
					}
				}
			});
		});
		assertThat(found).isEmpty();
	}

	@Test
	void theScanFindsHardCodedText() {
		// The scan above would pass on a parser that finds nothing; it must not.
		Document template = Jsoup.parse("""
				<html th:replace="~{layout :: page(~{::content})}"><body>
				<th:block th:ref="content"><p>Plain words <span th:text="#{a.b}">ok</span></p>
				<button aria-label="Close">x</button></th:block></body></html>""");
		List<String> texts = new ArrayList<>();
		template.traverse((node, depth) -> {
			if (node instanceof TextNode text && LETTER.matcher(text.text()).find() && !replaced(text)) {
				texts.add(text.text().strip());
			}
		});
		assertThat(texts).containsExactly("Plain words", "x");
	}

	/**
	 * Whether Thymeleaf replaces this text: an enclosing element, below the page's root,
	 * sets the element's content or replaces it with a fragment.
	 */
	private static boolean replaced(TextNode text) {
		for (Node node = text.parent(); node instanceof Element element; node = node.parent()) {
			if (element.tagName().equals("html")) {
				// A page's root is replaced by the layout, which keeps the page's own
				// content.
				return false;
			}
			if (REPLACING_ATTRIBUTES.stream().anyMatch(element::hasAttr)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> javaLiterals() throws IOException {
		Set<String> literals = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				JAVA_LITERAL.matcher(Files.readString(source))
					.results()
					.map((match) -> match.group(1))
					.forEach(literals::add);
			}
		}
		assertThat(literals).as("message codes found in src/main/java").isNotEmpty();
		return literals;
	}

	private static Properties messages() {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream("messages.properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(properties).isNotEmpty();
		return properties;
	}

	private static Map<String, String> templates() {
		Map<String, String> templates = new LinkedHashMap<>();
		try {
			for (Resource template : new PathMatchingResourcePatternResolver()
				.getResources("classpath:templates/**/*.html")) {
				String path = template.getURL().getPath();
				templates.put(path.substring(path.indexOf("templates/")),
						template.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(templates).hasSizeGreaterThan(10);
		return templates;
	}

}
