package io.stepwise.account;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.stepwise.system.SecondFactor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

	private static final String SIGNUP = "account/signup";

	private static final String SETTINGS = "account/settings";

	private static final String NEW_PASSWORD = "account/new-password";

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final AccountService accounts;

	private final PasswordFieldValidator passwordValidator;

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	/**
	 * Where form login keeps a login: the request (for the rest of it) and the session.
	 */
	private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	private final ThrottledPasswordChange passwordChange;

	private final TwoFactorService twoFactor;

	private final List<AccountSettingsContributor> contributors;

	AccountController(AccountService accounts, PasswordFieldValidator passwordValidator,
			ThrottledPasswordChange passwordChange, TwoFactorService twoFactor,
			List<AccountSettingsContributor> contributors) {
		this.accounts = accounts;
		this.passwordValidator = passwordValidator;
		this.passwordChange = passwordChange;
		this.twoFactor = twoFactor;
		this.contributors = contributors;
	}

	@InitBinder({ "signupForm", "passwordForm", "newPasswordForm" })
	void checkPasswords(WebDataBinder binder) {
		binder.addValidators(this.passwordValidator);
	}

	@ModelAttribute("zones")
	List<String> zones() {
		return ZONES;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/signup")
	String signupForm(Model model) {
		model.addAttribute("signupForm", SignupForm.empty());
		return SIGNUP;
	}

	@PostMapping("/signup")
	String signup(@Valid SignupForm signupForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return SIGNUP;
		}
		try {
			AccountUser user = this.accounts.signUp(signupForm);
			logIn(user, request, response);
		}
		catch (AccountRejected rejected) {
			result.rejectValue(rejected.field(), rejected.code());
			return SIGNUP;
		}
		redirect.addFlashAttribute("message", "signup.welcome");
		return "redirect:/dashboard";
	}

	@GetMapping("/account")
	String settings(@AuthenticationPrincipal AccountUser user, Model model) {
		model.addAttribute("profileForm", new ProfileForm(user.getDisplayName(), user.zone().getId()));
		model.addAttribute("passwordForm", PasswordForm.empty());
		return settingsPage(user, model);
	}

	@PostMapping("/account/profile")
	String changeProfile(@AuthenticationPrincipal AccountUser user, @Valid ProfileForm profileForm,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("passwordForm", PasswordForm.empty());
			return settingsPage(user, model);
		}
		AccountUser changed = this.accounts.changeProfile(user.id(), profileForm);
		// The session holds the user; refresh it so the new name and time zone apply at
		// once.
		logIn(changed, request, response);
		redirect.addFlashAttribute("message", "account.profile.saved");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser user, @Valid PasswordForm passwordForm,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccountUser changed = this.passwordChange.change(user, passwordForm, request.getRemoteAddr());
				// The change ended every session of the account; this one goes on.
				logIn(changed, request, response);
				redirect.addFlashAttribute("message", "account.password.saved");
				return "redirect:/account";
			}
			catch (AccountRejected rejected) {
				if (rejected instanceof PasswordCheckThrottled throttled) {
					response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
					response.setHeader(HttpHeaders.RETRY_AFTER,
							Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
				}
				result.rejectValue(rejected.field(), rejected.code());
			}
		}
		model.addAttribute("profileForm", new ProfileForm(user.getDisplayName(), user.zone().getId()));
		return settingsPage(user, model);
	}

	/** The account page, with the state of the second factor as the database has it. */
	private String settingsPage(AccountUser user, Model model) {
		boolean enabled = this.twoFactor.isEnabled(user.id());
		model.addAttribute("twoFactorEnabled", enabled);
		model.addAttribute("twoFactorRequired", user.role() == Role.ADMIN);
		model.addAttribute("recoveryCodesLeft", enabled ? this.twoFactor.recoveryCodesLeft(user.id()) : 0);
		this.contributors.forEach((contributor) -> contributor.contributeToSettings(user, model));
		return SETTINGS;
	}

	/** Where an account with a temporary password is sent until it chooses its own. */
	@GetMapping("/account/password/new")
	String newPasswordForm(@AuthenticationPrincipal AccountUser user, Model model) {
		if (!this.accounts.mustChangePassword(user.id())) {
			return "redirect:/account";
		}
		model.addAttribute("newPasswordForm", NewPasswordForm.empty());
		return NEW_PASSWORD;
	}

	@PostMapping("/account/password/new")
	String replaceTemporaryPassword(@AuthenticationPrincipal AccountUser user, @Valid NewPasswordForm newPasswordForm,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Optional<AccountUser> changed = this.accounts.replaceTemporaryPassword(user.id(), newPasswordForm);
				if (changed.isEmpty()) {
					return "redirect:/account";
				}
				// The session logged in with the temporary password; it goes on with the
				// new one, under a new id.
				logIn(changed.get(), request, response);
				redirect.addFlashAttribute("message", "account.newPassword.saved");
				return "redirect:/account";
			}
			catch (AccountRejected rejected) {
				result.rejectValue(rejected.field(), rejected.code());
			}
		}
		return NEW_PASSWORD;
	}

	/**
	 * The session goes on as this user. A new sign-up logs in with its password; a change
	 * on the account page keeps the factors the login gave.
	 */
	private void logIn(AccountUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.contextHolder.getContext().getAuthentication();
		Authentication authentication = (current instanceof UsernamePasswordAuthenticationToken)
				? SecondFactor.rebuild(current, user, user.getAuthorities())
				: UsernamePasswordAuthenticationToken.authenticated(user, null, withPasswordFactor(user));
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		if (request.getSession(false) != null) {
			// A new identity gets a new session id, as at form login.
			request.changeSessionId();
		}
		this.contextRepository.saveContext(context, request, response);
		// As at form login, the new identity gets a new CSRF token.
		this.csrfTokens.saveToken(null, request, response);
	}

	private static List<GrantedAuthority> withPasswordFactor(AccountUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		return authorities;
	}

}
