package io.stepwise.curriculum;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stamps anonymous pages were last checked against, trusted for a short while. A busy
 * page then costs no statement at all: an edit, on this instance or another, reaches
 * anonymous visitors at most {@code recheck} later. Logged-in pages, the editor's own
 * among them, always read the stamps and show an edit at once.
 */
class RecentStamps {

	private final CurriculumRepository repository;

	private final Clock clock;

	private final Duration recheck;

	private final ConcurrentMap<String, Read<Optional<CurriculumStamp>>> bySlug = new ConcurrentHashMap<>();

	private volatile Read<List<CurriculumStamp>> all;

	RecentStamps(CurriculumRepository repository, Clock clock, Duration recheck) {
		this.repository = repository;
		this.clock = clock;
		this.recheck = recheck;
	}

	/** Reads the versions again at the next request. */
	void forget() {
		this.bySlug.clear();
		this.all = null;
	}

	Optional<CurriculumStamp> ofSlug(String slug) {
		Instant now = this.clock.instant();
		Read<Optional<CurriculumStamp>> read = this.bySlug.get(slug);
		if (read == null || !read.freshAt(now, this.recheck)) {
			Optional<CurriculumStamp> stamp = this.repository.findStampBySlug(slug);
			// Unknown slugs are not kept, so that no one can fill memory with made-up
			// ones.
			if (stamp.isEmpty()) {
				this.bySlug.remove(slug);
				return stamp;
			}
			read = new Read<>(stamp, now);
			this.bySlug.put(slug, read);
		}
		return read.value();
	}

	List<CurriculumStamp> ofAll() {
		Instant now = this.clock.instant();
		Read<List<CurriculumStamp>> read = this.all;
		if (read == null || !read.freshAt(now, this.recheck)) {
			read = new Read<>(List.copyOf(this.repository.findAllStamps()), now);
			this.all = read;
		}
		return read.value();
	}

	private record Read<T>(T value, Instant at) {

		boolean freshAt(Instant now, Duration recheck) {
			return !now.isBefore(this.at) && now.isBefore(this.at.plus(recheck));
		}

	}

}
