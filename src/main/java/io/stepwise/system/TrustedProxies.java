package io.stepwise.system;

import java.util.List;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Reads the client address and scheme from {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only when the connection comes from a configured proxy.
 * Tomcat's valve walks the forwarded list from the right and stops at the first address
 * that is not a trusted proxy, so a client cannot choose its address by sending the
 * header itself. Nothing is trusted by default (Tomcat's own default would trust every
 * private address).
 */
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final Settings settings;

	TrustedProxies(Settings settings) {
		this.settings = settings;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (this.settings.trusted().isEmpty()) {
			return;
		}
		RemoteIpValve valve = new RemoteIpValve();
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setPortHeader("X-Forwarded-Port");
		// With a "/" in every entry Tomcat reads the list as CIDR blocks, not as a regex.
		valve.setInternalProxies(String.join(",", this.settings.trusted()));
		valve.setTrustedProxies(null);
		factory.addEngineValves(valve);
	}

	/**
	 * @param trusted the proxies' addresses or CIDR blocks, such as {@code 10.0.0.5} or
	 * {@code 10.0.0.0/24}; empty trusts no forwarded header
	 */
	@ConfigurationProperties("stepwise.proxy")
	record Settings(@DefaultValue List<String> trusted) {

		Settings {
			trusted = trusted.stream()
				.map(String::strip)
				.filter((entry) -> !entry.isEmpty())
				.map(Settings::block)
				.toList();
		}

		/** An address alone is a block of one; a wrong entry stops the start. */
		private static String block(String entry) {
			String block = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
			try {
				new NetMask(block);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("stepwise.proxy.trusted: '" + entry
						+ "' is neither an IP address nor a CIDR block such as 10.0.0.0/24", ex);
			}
			return block;
		}

	}

}
