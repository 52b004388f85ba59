package io.stepwise.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

	Account save(Account account);

	Optional<Account> findById(long id);

	Optional<Account> findByUsername(String username);

	Optional<Account> findByEmail(String email);

	List<Account> findByIdIn(Collection<Long> ids);

	boolean existsByUsername(String username);

	boolean existsByEmail(String email);

	boolean existsByRole(Role role);

	@Query("""
			select new io.stepwise.account.SessionState(a.enabled, a.role, a.sessionEpoch, a.mustChangePassword,
			       a.twoFactorEnabled)
			from Account a where a.id = :id""")
	Optional<SessionState> findSessionState(long id);

	/**
	 * Accounts whose username, email or display name contains the text, by username.
	 * @param text lower case, wrapped in {@code %} with {@code %} and {@code _} escaped;
	 * null for all
	 */
	@Query(value = """
			select a from Account a
			where :text is null or lower(a.username) like :text or lower(a.email) like :text
			   or lower(a.displayName) like :text
			order by a.username""", countQuery = """
			select count(a) from Account a
			where :text is null or lower(a.username) like :text or lower(a.email) like :text
			   or lower(a.displayName) like :text""")
	Page<Account> search(String text, Pageable page);

	/**
	 * Locks the enabled admins until the transaction ends, so that a change that could
	 * leave the portal without one waits for any other such change to commit.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a.id from Account a where a.role = io.stepwise.account.Role.ADMIN and a.enabled = true")
	List<Long> lockActiveAdmins();

	/**
	 * The enabled admins but this account. A statement of its own, so that after
	 * {@link #lockActiveAdmins()} it counts what other changes committed meanwhile.
	 */
	@Query("""
			select count(a) from Account a
			where a.role = io.stepwise.account.Role.ADMIN and a.enabled = true and a.id <> :id""")
	long countActiveAdminsOtherThan(long id);

}
