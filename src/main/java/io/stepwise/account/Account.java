package io.stepwise.account;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "app_user")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String email;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean enabled;

	private String timeZone;

	private Instant createdAt;

	private Instant passwordChangedAt;

	/**
	 * Moves whenever every session of the account must end; a session keeps the value it
	 * logged in with and is over once the two differ.
	 */
	private long sessionEpoch;

	/** Set with a temporary password: the next login must choose a new one first. */
	private boolean mustChangePassword;

	/**
	 * A login needs the code from an authenticator app as well; the secret and recovery
	 * codes are kept by {@link TwoFactorStore}.
	 */
	private boolean twoFactorEnabled;

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String email, String displayName, String passwordHash, Role role, ZoneId zone,
			Instant now) {
		this.username = username;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.timeZone = zone.getId();
		this.createdAt = now;
		this.passwordChangedAt = now;
	}

	/**
	 * A password the user chose. It ends every session of the account; the caller renews
	 * the one that made the change.
	 */
	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
		this.sessionEpoch++;
	}

	/**
	 * A password an admin set: it ends every session, and the next login must replace it.
	 */
	void setTemporaryPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
		this.sessionEpoch++;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	/**
	 * Disabling ends every session. Enabling does not bring a session back: sessions from
	 * before stay over, and the user logs in again.
	 */
	void setEnabled(boolean enabled) {
		if (this.enabled && !enabled) {
			this.sessionEpoch++;
		}
		this.enabled = enabled;
	}

	void enableTwoFactor() {
		this.twoFactorEnabled = true;
	}

	void disableTwoFactor() {
		this.twoFactorEnabled = false;
	}

	boolean isTwoFactorEnabled() {
		return this.twoFactorEnabled;
	}

	void changeProfile(String displayName, ZoneId zone) {
		this.displayName = displayName;
		this.timeZone = zone.getId();
	}

	/** Raises the role to the given one; never lowers it. */
	void promoteTo(Role role) {
		if (role.ordinal() > this.role.ordinal()) {
			this.role = role;
		}
	}

	Member toMember() {
		return new Member(this.id, this.username, this.displayName, this.email, this.role, this.enabled);
	}

	AccountUser toUser() {
		return new AccountUser(this.id, this.username, this.passwordHash, this.displayName, zone(), this.role,
				this.enabled, this.sessionEpoch, this.twoFactorEnabled);
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	String getEmail() {
		return this.email;
	}

	Role getRole() {
		return this.role;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	/** An enabled admin: one of those the portal may not run out of. */
	boolean isActiveAdmin() {
		return this.enabled && this.role == Role.ADMIN;
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

}
