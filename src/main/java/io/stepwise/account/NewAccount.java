package io.stepwise.account;

import java.time.ZoneId;

/** An account another module asks for, with its role decided by that module. */
public record NewAccount(String username, String email, String displayName, String password, Role role, ZoneId zone) {
}
