package io.stepwise.account;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of accounts: the list with its search, and one account's page for its
 * role, whether it may log in, and a temporary password. Every write is a form post; what
 * the rules refuse comes back on the account's page with nothing stored.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	private static final String USERS = "admin/users";

	private static final String USER = "admin/user";

	private static final String DISABLE = "admin/disable-user";

	private static final String TEMPORARY_PASSWORD = "admin/temporary-password";

	private static final String TO_USER = "redirect:/admin/users/{username}";

	private final AccountAdministration administration;

	AdminUserController(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String users(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		UserSearch search = UserSearch.of(q, page);
		Page<AdminUserView> users = this.administration.search(search);
		model.addAttribute("search", search);
		model.addAttribute("users", users);
		return USERS;
	}

	@GetMapping("/{username}")
	String user(@PathVariable String username, Model model) {
		return userPage(username, model);
	}

	@PostMapping("/{username}/role")
	String changeRole(@AuthenticationPrincipal AccountUser admin, @PathVariable String username,
			@Valid @ModelAttribute("roleForm") RoleForm roleForm, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AdminUserView changed = this.administration.change(admin, roleForm.toCommand(username));
				if (changed.username().equals(admin.getUsername()) && changed.role() != Role.ADMIN) {
					// The admin pages close to them with the next request.
					redirect.addFlashAttribute("message", "admin.user.role.selfChanged");
					return "redirect:/account";
				}
				flash(redirect, "admin.user.role.changed", changed.displayName());
				return TO_USER;
			}
			catch (LastAdminException last) {
				result.rejectValue("role", "admin.user.lastAdmin.role");
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		return userPage(username, model);
	}

	@PostMapping("/{username}/enable")
	String enable(@AuthenticationPrincipal AccountUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		AdminUserView changed = this.administration.change(admin, new ChangeAccount(username, null, true));
		flash(redirect, "admin.user.enabled", changed.displayName());
		return TO_USER;
	}

	@GetMapping("/{username}/disable")
	String confirmDisable(@PathVariable String username, Model model) {
		model.addAttribute("detail", this.administration.user(username));
		return DISABLE;
	}

	@PostMapping("/{username}/disable")
	String disable(@AuthenticationPrincipal AccountUser admin, @PathVariable String username, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			AdminUserView changed = this.administration.change(admin, new ChangeAccount(username, null, false));
			flash(redirect, "admin.user.disabled", changed.displayName());
			return TO_USER;
		}
		catch (LastAdminException last) {
			model.addAttribute("refused", "admin.user.lastAdmin.disable");
			response.setStatus(HttpStatus.CONFLICT.value());
			return userPage(username, model);
		}
	}

	@PostMapping("/{username}/password")
	String setTemporaryPassword(@AuthenticationPrincipal AccountUser admin, @PathVariable String username,
			@ModelAttribute("passwordForm") TemporaryPasswordForm passwordForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			TemporaryPassword set = this.administration.setTemporaryPassword(admin, passwordForm.toCommand(username));
			if (set.generated() != null) {
				// Shown on this answer only: a redirect would keep it in the session
				// until
				// the next page.
				model.addAttribute("temporary", set);
				return TEMPORARY_PASSWORD;
			}
			flash(redirect, "admin.user.password.set", set.user().displayName());
			return TO_USER;
		}
		catch (AccountRejected rejected) {
			result.rejectValue("password", rejected.code());
			return userPage(username, model);
		}
	}

	private String userPage(String username, Model model) {
		AccountAdministration.UserDetail detail = this.administration.user(username);
		model.addAttribute("detail", detail);
		if (!model.containsAttribute("roleForm")) {
			model.addAttribute("roleForm", new RoleForm(detail.user().role()));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", TemporaryPasswordForm.empty());
		}
		model.addAttribute("roles", Role.values());
		return USER;
	}

	private static void flash(RedirectAttributes redirect, String message, Object... args) {
		redirect.addFlashAttribute("message", message);
		redirect.addFlashAttribute("messageArgs", args);
	}

}
