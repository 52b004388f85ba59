package io.stepwise.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The cookies a browser keeps between MockMvc requests. Sessions live in the database
 * (Spring Session JDBC) and are found by the {@code SESSION} cookie, so a
 * {@code MockHttpSession} given to a request is never looked at; the page to return to
 * after the login is a cookie too. Requests performed through this carry the cookies, and
 * a cookie an answer sets (a new session id at login, an emptied one when the session
 * ends) replaces the one kept, as a browser would.
 */
public final class BrowserCookies {

	public static final String SESSION = "SESSION";

	private final MockMvc mvc;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	private boolean sessionDropped;

	public BrowserCookies(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(Cookie[]::new));
		}
		ResultActions result = this.mvc.perform(request);
		for (Cookie set : result.andReturn().getResponse().getCookies()) {
			boolean dropped = set.getMaxAge() == 0;
			if (dropped) {
				this.cookies.remove(set.getName());
			}
			else {
				this.cookies.put(set.getName(), set);
			}
			if (SESSION.equals(set.getName())) {
				this.sessionDropped = dropped;
			}
		}
		return result;
	}

	/** The id of the session the cookie names (as stored), or null without one. */
	public String sessionId() {
		Cookie session = this.cookies.get(SESSION);
		return (session != null) ? new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8)
				: null;
	}

	/**
	 * Whether the last answer that set the session cookie told the browser to drop it.
	 */
	public boolean sessionDropped() {
		return this.sessionDropped;
	}

}
