package io.stepwise.account;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.stepwise.account.TwoFactorService.CodeCheck;
import io.stepwise.system.SecondFactor;
import io.stepwise.system.SecurityEvents;
import io.stepwise.system.SecondFactorLogin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor on the pages: the login's second step, setting up an authenticator
 * app, recovery codes, turning it off. The security rules let the password alone reach
 * the second step and the set-up; the service refuses the set-up to an account that has
 * an app already, so the password alone can never replace it.
 */
@Controller
class TwoFactorController {

	private static final String VERIFY = "account/two-factor-verify";

	private static final String ENROL = "account/two-factor-enrol";

	private static final String RECOVERY_CODES = "account/recovery-codes";

	private static final String ACCOUNT = "redirect:/account";

	private final TwoFactorService twoFactor;

	private final SecondFactorLogin login;

	private final SecurityEvents events;

	TwoFactorController(TwoFactorService twoFactor, SecondFactorLogin login, SecurityEvents events) {
		this.twoFactor = twoFactor;
		this.login = login;
		this.events = events;
	}

	@GetMapping(SecondFactor.VERIFY_PATH)
	String verifyForm(@AuthenticationPrincipal AccountUser user, Authentication authentication) {
		if (!SecondFactor.missingFor(authentication)) {
			return "redirect:" + this.login.home(authentication);
		}
		if (!this.twoFactor.isEnabled(user.id())) {
			// An admin without an app yet: setting one up is the only way on.
			return "redirect:" + SecondFactor.ENROL_PATH;
		}
		return VERIFY;
	}

	@PostMapping(SecondFactor.VERIFY_PATH)
	String verify(@AuthenticationPrincipal AccountUser user, Authentication authentication,
			@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!SecondFactor.missingFor(authentication)) {
			return "redirect:" + this.login.home(authentication);
		}
		CodeCheck checked = this.twoFactor.verify(user.id(), code);
		switch (checked.outcome()) {
			case ACCEPTED:
				return "redirect:" + this.login.complete(request, response);
			case NOT_PENDING:
				return "redirect:" + SecondFactor.VERIFY_PATH;
			case THROTTLED:
				this.events.secondFactorThrottled(user.getUsername(), request.getRemoteAddr(), checked.retryAfter());
				return refused(checked, model, response, VERIFY);
			default:
				this.events.secondFactorFailed(user.getUsername(), request.getRemoteAddr(),
						checked.outcome().name().toLowerCase(Locale.ROOT));
				return refused(checked, model, response, VERIFY);
		}
	}

	@GetMapping(SecondFactor.ENROL_PATH)
	String enrolForm(@AuthenticationPrincipal AccountUser user, Model model) {
		if (this.twoFactor.isEnabled(user.id())) {
			return ACCOUNT;
		}
		return enrolPage(user, model);
	}

	@PostMapping(SecondFactor.ENROL_PATH + "/secret")
	String startEnrolment(@AuthenticationPrincipal AccountUser user) {
		if (!this.twoFactor.startEnrolment(user.id())) {
			return ACCOUNT;
		}
		return "redirect:" + SecondFactor.ENROL_PATH;
	}

	@PostMapping(SecondFactor.ENROL_PATH + "/confirm")
	String confirm(@AuthenticationPrincipal AccountUser user, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		CodeCheck checked = this.twoFactor.confirm(user.id(), code);
		if (checked.outcome() == CodeCheck.Outcome.NOT_PENDING) {
			return this.twoFactor.isEnabled(user.id()) ? ACCOUNT : "redirect:" + SecondFactor.ENROL_PATH;
		}
		if (!checked.accepted()) {
			enrolPage(user, model);
			return refused(checked, model, response, ENROL);
		}
		// The code proved the app: this login has the second factor from now on.
		String next = this.login.complete(request, response);
		return recoveryCodes(checked.recoveryCodes(), next, "twoFactor.enabled", model);
	}

	@PostMapping(SecondFactor.ENROL_PATH + "/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal AccountUser user, Model model) {
		return this.twoFactor.newRecoveryCodes(user.id())
			.map((codes) -> recoveryCodes(codes, "/account", "twoFactor.recovery.renewed", model))
			.orElse(ACCOUNT);
	}

	@PostMapping(SecondFactor.ENROL_PATH + "/disable")
	String disable(@AuthenticationPrincipal AccountUser user, @RequestParam(defaultValue = "") String codeOrPassword,
			RedirectAttributes redirect) {
		CodeCheck checked = this.twoFactor.disable(user.id(), codeOrPassword);
		switch (checked.outcome()) {
			case ACCEPTED -> redirect.addFlashAttribute("message", "twoFactor.disabled");
			case NOT_PENDING -> {
			}
			case THROTTLED -> redirect.addFlashAttribute("twoFactorError", "twoFactor.throttled.short");
			default -> redirect.addFlashAttribute("twoFactorError", errorKey(checked, "twoFactor.disable.wrong"));
		}
		return ACCOUNT;
	}

	private String enrolPage(AccountUser user, Model model) {
		model.addAttribute("enrolment", this.twoFactor.enrolment(user.id()).orElse(null));
		model.addAttribute("required", user.role() == Role.ADMIN);
		return ENROL;
	}

	private static String recoveryCodes(List<String> codes, String next, String message, Model model) {
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("next", next);
		model.addAttribute("message", message);
		return RECOVERY_CODES;
	}

	private static String refused(CodeCheck checked, Model model, HttpServletResponse response, String view) {
		if (checked.outcome() == CodeCheck.Outcome.THROTTLED) {
			long minutes = Math.max(1, (checked.retryAfter().toSeconds() + 59) / 60);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(checked.retryAfter().toSeconds()));
			model.addAttribute("codeError", "twoFactor.throttled");
			model.addAttribute("retryMinutes", minutes);
			return view;
		}
		model.addAttribute("codeError", errorKey(checked, "twoFactor.code.wrong"));
		return view;
	}

	private static String errorKey(CodeCheck checked, String wrong) {
		return switch (checked.outcome()) {
			case REPLAYED -> "twoFactor.code.replayed";
			case REQUIRED -> "twoFactor.disable.required";
			default -> wrong;
		};
	}

}
