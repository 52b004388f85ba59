package io.stepwise.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTest {

	/** The SHA-1 secret of RFC 6238's test vectors. */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private final TotpCodes codes = new TotpCodes();

	@Test
	void codesAreThoseOfRfc6238() {
		// RFC 6238, appendix B: 94287082 and 07081804 with eight digits; apps show six.
		assertThat(this.codes.codeAt(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(this.codes.codeAt(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(1111111109))))
			.isEqualTo("081804");
	}

	@Test
	void aCodeCountsForItsStepAndTheStepsNextToItOnly() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		long step = TotpCodes.step(now);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, step), now)).hasValue(step);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, step - 2), now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, this.codes.codeAt(RFC_SECRET, step + 2), now)).isEmpty();
	}

	@Test
	void onlySixDigitsAreACode() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		String code = this.codes.codeAt(RFC_SECRET, TotpCodes.step(now));
		assertThat(this.codes.stepOf(RFC_SECRET, code + "0", now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, code.substring(1), now)).isEmpty();
		assertThat(this.codes.stepOf(RFC_SECRET, null, now)).isEmpty();
		assertThat(TotpCodes.looksLikeCode("abcde-fghij")).isFalse();
	}

	@Test
	void secretsAre160RandomBits() {
		assertThat(TotpCodes.newSecret()).hasSize(20).isNotEqualTo(TotpCodes.newSecret());
	}

	@Test
	void secretsAreStoredEncryptedWhenAKeyIsSetAndStayReadable() {
		byte[] secret = TotpCodes.newSecret();
		TwoFactorSecrets plain = new TwoFactorSecrets(null);
		TwoFactorSecrets encrypted = new TwoFactorSecrets("a long random key for the tests");
		String stored = encrypted.store(secret);
		assertThat(stored).startsWith("aes:").doesNotContain(TwoFactorSecrets.base32(secret));
		assertThat(encrypted.read(stored)).isEqualTo(secret);
		// Secrets stored before the key was set are still read.
		assertThat(encrypted.read(plain.store(secret))).isEqualTo(secret);
		assertThat(new TwoFactorSecrets("another key").store(secret)).isNotEqualTo(stored);
	}

	@Test
	void recoveryCodesAreTenDistinctAndCompareWithoutCaseOrDashes() {
		var generated = RecoveryCodes.generate();
		assertThat(generated).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
		String code = generated.get(0);
		assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(code))
			.hasSize(64);
	}

}
