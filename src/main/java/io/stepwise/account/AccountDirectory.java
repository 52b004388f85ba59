package io.stepwise.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks accounts up for other modules. Everything is read from the database at the time
 * of the call, so a role taken away counts on the next request, whatever the session
 * still holds.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public Optional<Member> find(long id) {
		return this.accounts.findById(id).map(Account::toMember);
	}

	/** By username or, when it contains an {@code @}, by email; case does not matter. */
	public Optional<Member> findByUsernameOrEmail(String usernameOrEmail) {
		String key = usernameOrEmail.strip().toLowerCase(Locale.ROOT);
		// No account has such a name, and PostgreSQL refuses a NUL in a parameter
		// outright.
		if (key.isEmpty() || key.length() > 254 || key.chars().anyMatch(Character::isISOControl)) {
			return Optional.empty();
		}
		return (key.contains("@") ? this.accounts.findByEmail(key) : this.accounts.findByUsername(key))
			.map(Account::toMember);
	}

	/** The accounts with these ids, in one statement however many. */
	public Map<Long, Member> members(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Account> found = this.accounts.findByIdIn(ids);
		return found.stream().map(Account::toMember).collect(Collectors.toMap(Member::id, Function.identity()));
	}

	/**
	 * Lets a learner mentor: a learner becomes a mentor, a mentor or an admin keeps their
	 * role.
	 * @return the account after the change
	 */
	@Transactional
	public Member grantMentor(long id) {
		Account account = this.accounts.findById(id).orElseThrow();
		account.promoteTo(Role.MENTOR);
		return account.toMember();
	}

}
