package io.stepwise.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for text people type, character by character. */
class PlainTextTest {

	@Test
	void singleLineTextRefusesEveryControlAndDirectionCharacter() {
		for (String bad : new String[] { "a\u0000b", "a\tb", "a\nb", "a\rb", "a\u0007b", "a\u001Bb", "a\u007Fb",
				"a\u0085b", "a\u009Fb", "a\u202Ab", "a\u202Eb", "a\u2066b", "a\u2069b", "a\u2028b", "a\u2029b",
				"a\uD800b" }) {
			assertThat(PlainText.Validator.isClean(bad, false)).as(escaped(bad)).isFalse();
		}
	}

	@Test
	void multiLineTextTakesTabsAndLineBreaksOnly() {
		assertThat(PlainText.Validator.isClean("one\r\ntwo\n\tthree", true)).isTrue();
		for (String bad : new String[] { "a\u0000b", "a\u000Bb", "a\u000Cb", "a\u0085b", "a\u202Eb", "a\u2067b",
				"a\u2028b" }) {
			assertThat(PlainText.Validator.isClean(bad, true)).as(escaped(bad)).isFalse();
		}
	}

	@Test
	void namesInEveryScriptAndTheDirectionMarksStayAllowed() {
		for (String good : new String[] { "Ada Lovelace", "Zoë Ångström", "李小龍", "\u05D3\u05E0\u05D4 (Dana)\u200F",
				"\u0645\u0631\u064A\u0645\u200E 2", "emoji \uD83D\uDC69\u200D\uD83D\uDCBB", "" }) {
			assertThat(PlainText.Validator.isClean(good, false)).as(escaped(good)).isTrue();
		}
		assertThat(PlainText.Validator.isClean(null, false)).isTrue();
	}

	@Test
	void findsTheFirstRefusedCharacter() {
		assertThat(PlainText.Validator.firstRefused("ok\n\u202Ex", true)).isEqualTo(3);
		assertThat(PlainText.Validator.firstRefused("\uD83D\uDC69ok", false)).isEqualTo(-1);
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append((c < 0x20 || c > 0x7E) ? String.format("\\u%04X", c) : (char) c));
		return out.toString();
	}

}
