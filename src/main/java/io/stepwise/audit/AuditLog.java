package io.stepwise.audit;

import java.time.Clock;
import java.util.Locale;

import io.stepwise.system.Audited;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the audit log. It listens synchronously, so an entry is written in the
 * transaction of the change it records: a change rolled back leaves no entry, and no
 * change is stored without one.
 */
@Service
public class AuditLog {

	static final int PAGE_SIZE = 50;

	private final AuditRepository entries;

	private final Clock clock;

	AuditLog(AuditRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(Audited change) {
		this.entries.save(new AuditEntry(change, this.clock.instant()));
	}

	@Transactional(readOnly = true)
	Page<AuditEntry> search(AuditQuery query) {
		String text = (query.text() != null) ? "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%" : null;
		String actor = (query.actor() != null) ? query.actor().toLowerCase(Locale.ROOT) : null;
		return this.entries.search(query.area(), actor, text, PageRequest.of(query.page() - 1, PAGE_SIZE));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
