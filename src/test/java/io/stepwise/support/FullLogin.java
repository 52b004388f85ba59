package io.stepwise.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A login that gave both factors, the password and the code from an authenticator app, as
 * an admin's login has after the second step. {@code user(...)} alone is a login with
 * neither factor, which the portal treats as a password-only login: enough for learners
 * and mentors without the second factor, refused for admins.
 */
public final class FullLogin {

	private FullLogin() {
	}

	public static RequestPostProcessor fullLogin(UserDetails user) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		authorities.add(FactorGrantedAuthority.fromAuthority("FACTOR_TOTP"));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}

	/** A login that gave the password only, as after the first step of the form. */
	public static RequestPostProcessor passwordOnly(UserDetails user) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}

}
