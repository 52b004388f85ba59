package io.stepwise.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second factor of a login: a code from an authenticator app (TOTP). An admin needs
 * it always, anyone else once they have turned it on; the password alone then reaches
 * only the page that asks for the code (and, for an admin without an app yet, the pages
 * that set one up). A login that gave the code carries {@link #AUTHORITY} next to the
 * password factor Spring Security adds at form login.
 */
public final class SecondFactor {

	/** The factor a correct code adds to the login. */
	public static final String AUTHORITY = "FACTOR_TOTP";

	/** Where a login that still lacks the code is sent. */
	public static final String VERIFY_PATH = "/login/two-factor";

	/** Where an account sets up its authenticator app. */
	public static final String ENROL_PATH = "/account/two-factor";

	private static final String ADMIN = "ROLE_ADMIN";

	private static final String FACTOR_PREFIX = "FACTOR_";

	private SecondFactor() {
	}

	/**
	 * A principal that knows whether its account has turned the second factor on.
	 */
	public interface Enrollee {

		boolean secondFactorEnabled();

	}

	/** Whether this login must give the code before it reaches anything else. */
	public static boolean requiredFor(Authentication authentication) {
		if (authentication == null) {
			return false;
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(ADMIN::equals);
		boolean enrolled = authentication.getPrincipal() instanceof Enrollee enrollee && enrollee.secondFactorEnabled();
		return admin || enrolled;
	}

	/** Whether this login must still give the code. */
	public static boolean missingFor(Authentication authentication) {
		return requiredFor(authentication) && !hasFactor(authentication, AUTHORITY);
	}

	/** The factors this login has given so far (password, code). */
	public static List<GrantedAuthority> factorsOf(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		return authentication.getAuthorities()
			.stream()
			.filter((authority) -> authority.getAuthority() != null
					&& authority.getAuthority().startsWith(FACTOR_PREFIX))
			.map(GrantedAuthority.class::cast)
			.toList();
	}

	/**
	 * The same principal with new authorities (its roles now) and the factors the login
	 * has given so far, so a rebuilt login neither loses nor gains a factor.
	 */
	public static Authentication rebuild(Authentication current, Object principal,
			Collection<? extends GrantedAuthority> roles) {
		List<GrantedAuthority> authorities = new ArrayList<>(roles);
		authorities.addAll(factorsOf(current));
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		token.setDetails(current.getDetails());
		return token;
	}

	/** The login with the code given now added to its factors. */
	public static Authentication withCodeGiven(Authentication current) {
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities()
			.stream()
			.filter((authority) -> !AUTHORITY.equals(authority.getAuthority()))
			.toList());
		authorities.add(FactorGrantedAuthority.fromAuthority(AUTHORITY));
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
			.authenticated(current.getPrincipal(), null, authorities);
		token.setDetails(current.getDetails());
		return token;
	}

	private static boolean hasFactor(Authentication authentication, String factor) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(factor::equals);
	}

}
