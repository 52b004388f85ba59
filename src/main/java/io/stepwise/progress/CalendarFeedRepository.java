package io.stepwise.progress;

import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CalendarFeedRepository extends Repository<CalendarFeed, Long> {

	CalendarFeed save(CalendarFeed feed);

	@Query("select f from CalendarFeed f where f.accountId = :accountId")
	Optional<CalendarFeed> findByAccountId(long accountId);

	/**
	 * A disabled account's feed answers as if it did not exist, in the same statement.
	 */
	@Query(value = """
			select f.account_id from calendar_feed f join app_user u on u.id = f.account_id
			where f.token_hash = :tokenHash and u.enabled""", nativeQuery = true)
	Optional<Long> findAccountIdByTokenHash(String tokenHash);

	@Modifying
	@Query("delete from CalendarFeed f where f.accountId = :accountId")
	int deleteByAccountId(long accountId);

}
