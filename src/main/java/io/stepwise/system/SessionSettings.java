package io.stepwise.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a session may last, and when its cookie is Secure. The idle timeout is Boot's
 * {@code server.servlet.session.timeout}, which Spring Session applies to the sessions it
 * keeps in the database.
 *
 * @param absoluteTimeout how long a session lasts from its start, however busy: past it
 * the next request ends the session, as a disabled account would
 * @param secureCookies whether the session cookie is Secure on every answer; without it,
 * only on answers to HTTPS requests (as a trusted proxy's {@code X-Forwarded-Proto}
 * tells, where forwarded headers are configured)
 */
@ConfigurationProperties("stepwise.session")
record SessionSettings(@DefaultValue("12h") Duration absoluteTimeout, @DefaultValue("false") boolean secureCookies) {
}
