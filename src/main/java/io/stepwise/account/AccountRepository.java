package io.stepwise.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
			select new io.stepwise.account.SessionState(a.enabled, a.role, a.sessionEpoch, a.mustChangePassword)
			from Account a where a.id = :id""")
	Optional<SessionState> findSessionState(long id);

}
