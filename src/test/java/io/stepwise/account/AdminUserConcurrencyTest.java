package io.stepwise.account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins, the only two, take each other's role at the same moment: one change is
 * made, the other refused, and the portal keeps an admin.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(StaffAccounts.class)
class AdminUserConcurrencyTest {

	@Autowired
	AccountAdministration administration;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		for (int round = 0; round < 5; round++) {
			AccountUser first = this.staff.admin();
			AccountUser second = this.staff.admin();
			this.staff.asOnlyAdmin(first, () -> {
				this.jdbc.update("update app_user set enabled = true where id = ?", second.id());
				List<Object> outcomes = race(() -> demote(first, second), () -> demote(second, first));

				assertThat(outcomes).filteredOn(LastAdminException.class::isInstance).hasSize(1);
				assertThat(outcomes).filteredOn(AdminUserView.class::isInstance).hasSize(1);
				assertThat(this.jdbc.queryForObject(
						"select count(*) from app_user where role = 'ADMIN' and enabled and id in (?, ?)", Long.class,
						first.id(), second.id()))
					.isEqualTo(1);
			});
		}
	}

	private Object demote(AccountUser admin, AccountUser other) {
		try {
			return this.administration.change(admin, new ChangeAccount(other.getUsername(), Role.MENTOR, null));
		}
		catch (LastAdminException refused) {
			return refused;
		}
	}

	private static List<Object> race(Attempt... attempts) throws Exception {
		CyclicBarrier start = new CyclicBarrier(attempts.length);
		ExecutorService threads = Executors.newFixedThreadPool(attempts.length);
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (Attempt attempt : attempts) {
				futures.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return attempt.run();
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(30, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

	interface Attempt {

		Object run();

	}

}
