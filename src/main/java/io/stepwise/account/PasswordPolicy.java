package io.stepwise.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long rather than complicated (NIST SP 800-63B). Any Unicode is
 * welcome; a password on the shipped list of common passwords, or one of those with
 * digits or symbols around it, is refused.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	/** Counted in code points; the Argon2 hash has no byte limit, unlike BCrypt's 72. */
	public static final int MAX_LENGTH = 256;

	private static final Pattern PADDING = Pattern.compile("^[\\p{N}\\p{P}\\p{S}\\s]+|[\\p{N}\\p{P}\\p{S}\\s]+$");

	private static final Pattern REPEATED = Pattern.compile("(.{1,4})\\1+");

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("account/common-passwords.txt");
	}

	/**
	 * @return the message code of the first rule the password breaks, if any
	 */
	public Optional<String> check(String password, String username) {
		if (password == null) {
			return Optional.of("password.tooShort");
		}
		String normalized = normalize(password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String folded = normalized.toLowerCase(Locale.ROOT);
		String core = PADDING.matcher(folded).replaceAll("");
		if (this.common.contains(folded) || (core.length() >= 4 && this.common.contains(core))
				|| REPEATED.matcher(folded).matches()) {
			return Optional.of("password.common");
		}
		if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.containsUsername");
		}
		return Optional.empty();
	}

	/**
	 * The form passwords are compared in, so that the same characters typed differently
	 * match.
	 */
	public static String normalize(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	private static Set<String> load(String path) {
		Set<String> passwords = new HashSet<>(64_000);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map(String::strip)
				.forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common password list " + path, ex);
		}
		return Set.copyOf(passwords);
	}

}
