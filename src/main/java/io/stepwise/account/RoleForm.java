package io.stepwise.account;

import jakarta.validation.constraints.NotNull;

/**
 * Changes the role of the account in the address, never one named in a field.
 *
 * @param role a value that is not a role is refused by the binder with the message
 * "typeMismatch.role"
 */
record RoleForm(@NotNull(message = "{admin.user.role.required}") Role role) {

	ChangeAccount toCommand(String username) {
		return new ChangeAccount(username, this.role, null);
	}

}
