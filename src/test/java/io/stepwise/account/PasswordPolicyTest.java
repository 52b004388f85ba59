package io.stepwise.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stepwise.system.PasswordHashing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private static final PasswordPolicy policy = new PasswordPolicy();

	/** The bean definition the application uses, built without a context. */
	private static final PasswordEncoder encoder = new PasswordConfiguration()
		.passwordEncoder(new PasswordHashing.Settings(1, Duration.ofSeconds(10), 10));

	@Test
	void refusesElevenCodePointsAndAcceptsTwelve() {
		assertThat(policy.check("mauve kx7 qp", null)).isEmpty();
		assertThat(policy.check("mauve kx7 q", null)).contains("password.tooShort");
	}

	@Test
	void refusesMissingPassword() {
		assertThat(policy.check(null, "someone")).contains("password.tooShort");
		assertThat(policy.check("", "someone")).contains("password.tooShort");
	}

	@Test
	void countsAnEmojiAsOneCharacter() {
		// Each of these is two UTF-16 chars and four UTF-8 bytes; a char or byte count
		// would let eleven of them through.
		String twelve = distinct(0x1F600, 12);
		assertThat(twelve).hasSize(24);
		assertThat(policy.check(twelve, null)).isEmpty();
		assertThat(policy.check(distinct(0x1F600, 11), null)).contains("password.tooShort");
	}

	@Test
	void countsACjkIdeographAsOneCharacter() {
		assertThat(policy.check(distinct(0x4E00, 12), null)).isEmpty();
		assertThat(policy.check(distinct(0x4E00, 11), null)).contains("password.tooShort");
		// Outside the Basic Multilingual Plane: surrogate pairs, four bytes each.
		assertThat(policy.check(distinct(0x20000, 12), null)).isEmpty();
		assertThat(policy.check(distinct(0x20000, 11), null)).contains("password.tooShort");
	}

	@Test
	void accepts128And256CodePointsAndRefuses257() {
		assertThat(policy.check(distinct(0x4E00, 128), null)).isEmpty();
		assertThat(policy.check(distinct(0x4E00, 256), null)).isEmpty();
		assertThat(policy.check(distinct(0x4E00, 257), null)).contains("password.tooLong");
		assertThat(policy.check(distinct(0x20000, 256), null)).isEmpty();
		assertThat(policy.check(distinct(0x20000, 257), null)).contains("password.tooLong");
	}

	@Test
	void acceptsAndHashesA400BytePasswordWithoutCuttingIt() {
		String password = distinct(0x20000, 100);
		assertThat(password.codePointCount(0, password.length())).isEqualTo(100);
		assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(400);
		assertThat(policy.check(password, null)).isEmpty();

		String hash = encoder.encode(password);
		assertThat(hash).startsWith("{argon2}");
		assertThat(encoder.matches(password, hash)).isTrue();
		// Same first 396 bytes, another last character: a hash that only looked at the
		// first 72 bytes, like BCrypt, would accept it.
		String lastCharacterChanged = distinct(0x20000, 99) + new String(Character.toChars(0x20000 + 200));
		assertThat(encoder.matches(lastCharacterChanged, hash)).isFalse();
		assertThat(encoder.matches(distinct(0x20000, 99), hash)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123qweasdzxc", "qwertyuiop123", "iloveyou1234", "QWERTYUIOP123", "123456789012" })
	void refusesPasswordsOnTheCommonList(String password) {
		assertThat(policy.check(password, null)).contains("password.common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password123456", "Password123456", "!!password!!!!", "2024iloveyou!", "123456password" })
	void refusesCommonPasswordsPaddedWithDigitsOrSymbols(String password) {
		assertThat(policy.check(password, null)).contains("password.common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "abcdabcdabcd", "            " })
	void refusesRepeatedPatterns(String password) {
		assertThat(policy.check(password, null)).contains("password.common");
	}

	@Test
	void refusesTheSameEmojiRepeated() {
		assertThat(policy.check("\uD83D\uDE00".repeat(12), null)).contains("password.common");
	}

	@Test
	void refusesAPasswordContainingTheUsername() {
		assertThat(policy.check("my name is marguerite ok", "marguerite")).contains("password.containsUsername");
		assertThat(policy.check("MY NAME IS MARGUERITE OK", "marguerite")).contains("password.containsUsername");
		assertThat(policy.check("my name is marguerite ok", "someone-else")).isEmpty();
	}

	@Test
	void checksThePasswordInItsNormalizedForm() {
		// Full-width letters and digits, as an East Asian keyboard types them.
		String fullWidth = "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16";
		assertThat(PasswordPolicy.normalize(fullWidth)).isEqualTo("password123456");
		assertThat(policy.check(fullWidth, null)).contains("password.common");
	}

	@Test
	void matchesAPasswordTypedWithCompatibilityCharactersAgainstItsNormalizedForm() {
		String plain = "Tulip42 river stone";
		String fullWidth = "\uFF34\uFF55\uFF4C\uFF49\uFF50\uFF14\uFF12 \uFF52\uFF49\uFF56\uFF45\uFF52 \uFF53\uFF54\uFF4F\uFF4E\uFF45";
		assertThat(fullWidth).isNotEqualTo(plain);
		assertThat(encoder.matches(fullWidth, encoder.encode(plain))).isTrue();
		assertThat(encoder.matches(plain, encoder.encode(fullWidth))).isTrue();
		assertThat(encoder.matches("Tulip42 river stones", encoder.encode(plain))).isFalse();
	}

	@Test
	void matchesAnAccentTypedAsACombiningMarkAgainstThePrecomposedOne() {
		String precomposed = "caf\u00E9 au lait le matin";
		String combining = "cafe\u0301 au lait le matin";
		assertThat(encoder.matches(combining, encoder.encode(precomposed))).isTrue();
	}

	@Test
	void acceptsALongPassphraseWithSpacesAndPunctuation() {
		Optional<String> verdict = policy.check("Rain on the tin roof, all night long.", "marguerite");
		assertThat(verdict).isEmpty();
	}

	/** A string of {@code count} different code points starting at {@code first}. */
	private static String distinct(int first, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.appendCodePoint(first + i);
		}
		return text.toString();
	}

}
