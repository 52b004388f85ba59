package io.stepwise.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Users", description = "Admins find accounts, change their role and disable them. A change counts on "
		+ "the user's next request, on every instance: a role taken away closes its pages at once, and a disabled "
		+ "account's sessions end. Writes need the session cookie and the CSRF token from the page's _csrf meta tag, "
		+ "sent in the header it names.")
class AdminUserApiController {

	private final AccountAdministration administration;

	AdminUserApiController(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "Search accounts",
			description = "Accounts whose username, email or display name contains the text, case-insensitively, by "
					+ "username, " + AccountAdministration.PAGE_SIZE + " to a page.")
	@ApiResponse(responseCode = "200", description = "One page of matching accounts")
	UsersJson search(
			@Parameter(description = "Text to look for; all accounts without it") @RequestParam(
					required = false) String q,
			@Parameter(description = "The page, from 1") @RequestParam(required = false) String page) {
		return UsersJson.of(this.administration.search(UserSearch.of(q, page)));
	}

	@PatchMapping(path = "/{username}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change an account's role, disable or enable it",
			description = "Give role, enabled or both; what is left out stays as it is. Disabling ends every session "
					+ "of the account at once; enabling does not bring them back. Each change is written to the "
					+ "audit log.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = UserPatch.class))))
	@ApiResponse(responseCode = "200", description = "The account after the change")
	@ApiResponse(responseCode = "400",
			description = "Not a JSON object, an unknown member, or a member of the wrong type; errors names each")
	@ApiResponse(responseCode = "404", description = "No such user")
	@ApiResponse(responseCode = "409",
			description = "The account is the only enabled administrator: it can be neither demoted nor disabled")
	UserJson change(@AuthenticationPrincipal AccountUser admin, @PathVariable String username,
			@RequestBody Map<String, Object> body) {
		return UserJson.of(this.administration.change(admin, UserPatch.parse(username, body)));
	}

	/** A body refused member by member, like an invalid field elsewhere in the API. */
	@ExceptionHandler(InvalidPatchException.class)
	ProblemDetail invalidPatch(InvalidPatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request content.");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	/**
	 * The body of a change. It is read member by member rather than bound, so that an
	 * unknown member or one of the wrong type is refused instead of ignored or coerced.
	 */
	@Schema(description = "Give role, enabled or both.")
	record UserPatch(@Schema(allowableValues = {
			"LEARNER", "MENTOR", "ADMIN" }) Role role, Boolean enabled){

		private static final Set<String> MEMBERS = Set.of("role", "enabled");

		static ChangeAccount parse(String username, Map<String, Object> body) {
			List<FieldErrorJson> errors = new ArrayList<>();
			for (String member : new TreeSet<>(body.keySet())) {
				if (!MEMBERS.contains(member)) {
					errors.add(new FieldErrorJson(member, "Unknown member: give role, enabled or both."));
				}
			}
			Role role = null;
			if (body.containsKey("role")) {
				role = (body.get("role") instanceof String name) ? role(name) : null;
				if (role == null) {
					errors.add(new FieldErrorJson("role", "Must be one of LEARNER, MENTOR or ADMIN."));
				}
			}
			Boolean enabled = null;
			if (body.containsKey("enabled")) {
				if (body.get("enabled") instanceof Boolean value) {
					enabled = value;
				}
				else {
					errors.add(new FieldErrorJson("enabled", "Must be true or false."));
				}
			}
			if (errors.isEmpty() && role == null && enabled == null) {
				errors.add(new FieldErrorJson("role", "Give role, enabled or both."));
			}
			if (!errors.isEmpty()) {
				throw new InvalidPatchException(errors);
			}
			return new ChangeAccount(username, role, enabled);
		}

		private static Role role(String name) {
			return Arrays.stream(Role.values()).filter((role) -> role.name().equals(name)).findFirst().orElse(null);
		}

	}

	static class InvalidPatchException extends RuntimeException {

		private final List<FieldErrorJson> errors;

		InvalidPatchException(List<FieldErrorJson> errors) {
			super("Invalid request content: " + errors);
			this.errors = List.copyOf(errors);
		}

		List<FieldErrorJson> errors() {
			return this.errors;
		}

	}

	record FieldErrorJson(String field, String message) {
	}

	/**
	 * @param page the page shown, from 1
	 * @param total matching accounts on all pages
	 */
	record UsersJson(List<UserJson> users, int page, int totalPages, long total) {

		static UsersJson of(Page<AdminUserView> found) {
			return new UsersJson(found.map(UserJson::of).getContent(), found.getNumber() + 1, found.getTotalPages(),
					found.getTotalElements());
		}

	}

	/**
	 * @param mustChangePassword the account has a temporary password, to be replaced at
	 * its next login
	 */
	record UserJson(String username, String displayName, String email, @Schema(allowableValues = {
			"LEARNER", "MENTOR", "ADMIN" }) String role, boolean enabled, boolean mustChangePassword,
			Instant createdAt){

		static UserJson of(AdminUserView user) {
			return new UserJson(user.username(), user.displayName(), user.email(), user.role().name(), user.enabled(),
					user.mustChangePassword(), user.createdAt());
		}

	}

}
