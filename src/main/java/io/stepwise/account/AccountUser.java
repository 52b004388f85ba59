package io.stepwise.account;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import io.stepwise.system.Identified;
import io.stepwise.system.SecondFactor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as features see it: controllers take it with
 * {@code @AuthenticationPrincipal} and pass its {@link #id()} down, so data is always
 * looked up for the user of the session, never for an id sent by the client.
 */
public final class AccountUser implements UserDetails, CredentialsContainer, Identified, SecondFactor.Enrollee {

	private final long id;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final ZoneId zone;

	private final Role role;

	private final boolean enabled;

	private final long sessionEpoch;

	private final boolean secondFactorEnabled;

	AccountUser(long id, String username, String passwordHash, String displayName, ZoneId zone, Role role,
			boolean enabled, long sessionEpoch, boolean secondFactorEnabled) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.zone = zone;
		this.role = role;
		this.enabled = enabled;
		this.sessionEpoch = sessionEpoch;
		this.secondFactorEnabled = secondFactorEnabled;
	}

	/**
	 * The same user in the same session, with the role and second factor the database has
	 * now.
	 */
	AccountUser withState(Role role, boolean secondFactorEnabled) {
		return new AccountUser(this.id, this.username, null, this.displayName, this.zone, role, this.enabled,
				this.sessionEpoch, secondFactorEnabled);
	}

	/** Whether a login needs the code from an authenticator app as well. */
	@Override
	public boolean secondFactorEnabled() {
		return this.secondFactorEnabled;
	}

	/** The account's session epoch when this session logged in. */
	long sessionEpoch() {
		return this.sessionEpoch;
	}

	@Override
	public long id() {
		return this.id;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	/** The user's time zone: days, streaks and dates are theirs, not the server's. */
	public ZoneId zone() {
		return this.zone;
	}

	public Role role() {
		return this.role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "AccountUser[" + this.id + ", " + this.username + "]";
	}

}
