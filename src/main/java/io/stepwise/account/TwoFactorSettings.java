package io.stepwise.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the second factor ({@code STEPWISE_TWO_FACTOR_*}).
 *
 * @param issuer the name authenticator apps show next to the account
 * @param maxAttempts codes (or passwords on the two-factor forms) an account may try
 * within the window; past it, further tries are refused without being checked
 * @param window how long tries are counted
 * @param encryptionKey when set, TOTP secrets are stored encrypted with a key derived
 * from it (AES-GCM); secrets stored before stay readable. Every instance needs the same
 * value, and losing it means every account sets up its app again
 */
@ConfigurationProperties("stepwise.two-factor")
record TwoFactorSettings(@DefaultValue("Stepwise") String issuer, @DefaultValue("5") int maxAttempts,
		@DefaultValue("15m") Duration window, String encryptionKey) {

}
