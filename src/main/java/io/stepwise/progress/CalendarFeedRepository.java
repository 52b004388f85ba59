package io.stepwise.progress;

import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CalendarFeedRepository extends Repository<CalendarFeed, Long> {

	CalendarFeed save(CalendarFeed feed);

	@Query("select f from CalendarFeed f where f.accountId = :accountId")
	Optional<CalendarFeed> findByAccountId(long accountId);

	@Query("select f.accountId from CalendarFeed f where f.tokenHash = :tokenHash")
	Optional<Long> findAccountIdByTokenHash(String tokenHash);

	@Modifying
	@Query("delete from CalendarFeed f where f.accountId = :accountId")
	int deleteByAccountId(long accountId);

}
