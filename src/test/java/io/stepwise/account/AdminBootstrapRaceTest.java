package io.stepwise.account;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Two instances starting together on an empty database both try to create the admin. */
class AdminBootstrapRaceTest {

	private final AccountService accounts = mock(AccountService.class);

	private final AdminBootstrap bootstrap = new AdminBootstrap(this.accounts, "admin", "admin@stepwise.invalid",
			"a long enough admin passphrase");

	@Test
	void startsWhenAnotherInstanceCreatedTheAdministratorFirst() {
		given(this.accounts.createAdminIfNone(anyString(), anyString(), anyString()))
			.willThrow(new DataIntegrityViolationException("uk_user_username"));
		given(this.accounts.hasAdmin()).willReturn(true);
		assertThatCode(this.bootstrap::afterSingletonsInstantiated).doesNotThrowAnyException();
	}

	@Test
	void failsWhenTheInsertFailedForAnotherReason() {
		given(this.accounts.createAdminIfNone(anyString(), anyString(), anyString()))
			.willThrow(new DataIntegrityViolationException("uk_user_email"));
		given(this.accounts.hasAdmin()).willReturn(false);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(this.bootstrap::afterSingletonsInstantiated);
	}

}
