package io.stepwise.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor of an account: setting up an authenticator app, checking its codes
 * and recovery codes, turning it off. Every check is counted before it is made (see
 * {@link TwoFactorStore#countTry}), so guessing gets no further than the limit, and a
 * code is taken once only.
 */
@Service
class TwoFactorService {

	private final AccountRepository accounts;

	private final TwoFactorStore store;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final TwoFactorSettings settings;

	private final TwoFactorSecrets secrets;

	private final TotpCodes codes = new TotpCodes();

	private final TransactionTemplate transaction;

	TwoFactorService(AccountRepository accounts, TwoFactorStore store, PasswordEncoder passwordEncoder, Clock clock,
			TwoFactorSettings settings, PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.store = store;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.settings = settings;
		this.secrets = new TwoFactorSecrets(settings.encryptionKey());
		this.transaction = new TransactionTemplate(transactionManager);
	}

	boolean isEnabled(long accountId) {
		return this.accounts.findById(accountId).map(Account::isTwoFactorEnabled).orElse(false);
	}

	int recoveryCodesLeft(long accountId) {
		return this.store.recoveryCodesLeft(accountId);
	}

	/**
	 * Starts setting up an app with a new secret. An account that has the second factor
	 * on keeps its secret: it turns it off first, which needs a code.
	 * @return whether a new secret was made
	 */
	boolean startEnrolment(long accountId) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> {
			Account account = this.accounts.findById(accountId).orElseThrow();
			if (account.isTwoFactorEnabled()) {
				return false;
			}
			this.store.replaceSecret(accountId, this.secrets.store(TotpCodes.newSecret()), this.clock.instant());
			return true;
		}));
	}

	/** The app being set up: what it scans or types in; empty when none is. */
	Optional<Enrolment> enrolment(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.isTwoFactorEnabled()) {
			return Optional.empty();
		}
		return this.store.secret(accountId).map(this.secrets::read).map((secret) -> {
			String base32 = TwoFactorSecrets.base32(secret);
			String label = encode(this.settings.issuer()) + ":" + encode(account.getUsername());
			String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(this.settings.issuer())
					+ "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.toSeconds();
			return new Enrolment(grouped(base32), QrCode.of(uri));
		});
	}

	/**
	 * The first code from the app turns the second factor on.
	 * @return with the new recovery codes when accepted
	 */
	CodeCheck confirm(long accountId, String code) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		Optional<String> stored = this.store.secret(accountId);
		if (account.isTwoFactorEnabled() || stored.isEmpty()) {
			return CodeCheck.of(CodeCheck.Outcome.NOT_PENDING);
		}
		Optional<CodeCheck> refused = countTry(accountId);
		if (refused.isPresent()) {
			return refused.get();
		}
		CodeCheck checked = checkAppCode(accountId, this.secrets.read(stored.get()), normal(code));
		if (checked.outcome() != CodeCheck.Outcome.ACCEPTED) {
			return checked;
		}
		List<String> recovery = RecoveryCodes.generate();
		this.transaction.executeWithoutResult((status) -> {
			this.accounts.findById(accountId).orElseThrow().enableTwoFactor();
			this.store.replaceRecoveryCodes(accountId, recovery.stream().map(RecoveryCodes::hash).toList());
			this.store.resetTries(accountId);
		});
		return new CodeCheck(CodeCheck.Outcome.ACCEPTED, null, recovery);
	}

	/** The second step of a login: a code from the app, or a recovery code. */
	CodeCheck verify(long accountId, String answer) {
		Optional<String> stored = this.store.secret(accountId);
		if (!isEnabled(accountId) || stored.isEmpty()) {
			return CodeCheck.of(CodeCheck.Outcome.NOT_PENDING);
		}
		Optional<CodeCheck> refused = countTry(accountId);
		if (refused.isPresent()) {
			return refused.get();
		}
		String text = normal(answer);
		CodeCheck checked = TotpCodes.looksLikeCode(text)
				? checkAppCode(accountId, this.secrets.read(stored.get()), text)
				: (this.store.useRecoveryCode(accountId, RecoveryCodes.hash(text))
						? CodeCheck.of(CodeCheck.Outcome.ACCEPTED) : CodeCheck.of(CodeCheck.Outcome.WRONG));
		if (checked.outcome() == CodeCheck.Outcome.ACCEPTED) {
			this.store.resetTries(accountId);
		}
		return checked;
	}

	/**
	 * Turns the second factor off, with a code from the app or the account's password. An
	 * admin keeps it: admins need it.
	 */
	CodeCheck disable(long accountId, String codeOrPassword) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.getRole() == Role.ADMIN) {
			return CodeCheck.of(CodeCheck.Outcome.REQUIRED);
		}
		Optional<String> stored = this.store.secret(accountId);
		if (!account.isTwoFactorEnabled() || stored.isEmpty()) {
			return CodeCheck.of(CodeCheck.Outcome.NOT_PENDING);
		}
		Optional<CodeCheck> refused = countTry(accountId);
		if (refused.isPresent()) {
			return refused.get();
		}
		String text = normal(codeOrPassword);
		CodeCheck checked = TotpCodes.looksLikeCode(text)
				? checkAppCode(accountId, this.secrets.read(stored.get()), text)
				: (this.passwordEncoder.matches(codeOrPassword, account.getPasswordHash())
						? CodeCheck.of(CodeCheck.Outcome.ACCEPTED) : CodeCheck.of(CodeCheck.Outcome.WRONG));
		if (checked.outcome() == CodeCheck.Outcome.ACCEPTED) {
			this.transaction.executeWithoutResult((status) -> {
				this.accounts.findById(accountId).orElseThrow().disableTwoFactor();
				this.store.remove(accountId);
			});
		}
		return checked;
	}

	/** New recovery codes; the old ones stop working. */
	Optional<List<String>> newRecoveryCodes(long accountId) {
		if (!isEnabled(accountId)) {
			return Optional.empty();
		}
		List<String> recovery = RecoveryCodes.generate();
		this.transaction.executeWithoutResult((status) -> this.store.replaceRecoveryCodes(accountId,
				recovery.stream().map(RecoveryCodes::hash).toList()));
		return Optional.of(recovery);
	}

	private Optional<CodeCheck> countTry(long accountId) {
		return this.store.countTry(accountId, this.settings.maxAttempts(), this.settings.window(), this.clock.instant())
			.map((wait) -> new CodeCheck(CodeCheck.Outcome.THROTTLED, wait, List.of()));
	}

	private CodeCheck checkAppCode(long accountId, byte[] secret, String code) {
		Instant now = this.clock.instant();
		OptionalLong step = this.codes.stepOf(secret, code, now);
		if (step.isEmpty()) {
			return CodeCheck.of(CodeCheck.Outcome.WRONG);
		}
		return this.store.useStep(accountId, step.getAsLong()) ? CodeCheck.of(CodeCheck.Outcome.ACCEPTED)
				: CodeCheck.of(CodeCheck.Outcome.REPLAYED);
	}

	private static String normal(String text) {
		return (text != null) ? text.replaceAll("\\s", "") : "";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The secret in groups of four, easier to type into an app by hand. */
	private static String grouped(String base32) {
		return base32.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/** What an app being set up needs: the secret to type in, or the QR code to scan. */
	record Enrolment(String secret, QrCode qrCode) {
	}

	/**
	 * @param retryAfter when {@link Outcome#THROTTLED}, how long until the next try
	 * @param recoveryCodes new recovery codes, when the check made some
	 */
	record CodeCheck(Outcome outcome, Duration retryAfter, List<String> recoveryCodes) {

		static CodeCheck of(Outcome outcome) {
			return new CodeCheck(outcome, null, List.of());
		}

		boolean accepted() {
			return this.outcome == Outcome.ACCEPTED;
		}

		enum Outcome {

			ACCEPTED, WRONG, REPLAYED, THROTTLED,

			/** Nothing to check: no app is being set up, or none is in use. */
			NOT_PENDING,

			/** Admins cannot turn the second factor off. */
			REQUIRED

		}

	}

}
