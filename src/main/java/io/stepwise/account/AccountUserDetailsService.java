package io.stepwise.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** Unknown names end in the same "bad credentials" answer as a wrong password. */
	@Override
	@Transactional(readOnly = true)
	public AccountUser loadUserByUsername(String username) {
		return this.accounts.findByUsername(AccountService.normalizeUsername(username))
			.map(Account::toUser)
			.orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
	}

}
