package io.stepwise.curriculum;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What this instance keeps of the curricula: assembled trees, with their Markdown
 * rendered, and the bytes of the pages anonymous visitors get. Entries are keyed by the
 * curriculum's version, which every edit and import moves up, and every read checks the
 * version stored now first: an edit made on any instance shows on the next request, and
 * entries of older versions are never read again and age out.
 */
@Component
@EnableConfigurationProperties(CacheSettings.class)
public class CurriculumCaches {

	/** Unread entries go, so a bound is not held by versions no one asks for. */
	private static final Duration IDLE = Duration.ofHours(1);

	private final Cache<TreeKey, CurriculumTree> trees;

	private final Cache<PageKey, CachedPage> pages;

	private final Instant started = Instant.now();

	private final List<Runnable> alsoCleared = new CopyOnWriteArrayList<>();

	CurriculumCaches(CacheSettings settings) {
		this.trees = Caffeine.newBuilder().maximumSize(settings.trees()).expireAfterAccess(IDLE).build();
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.pages().toBytes())
			.weigher((PageKey key, CachedPage page) -> page.body().length + key.path().length())
			.expireAfterAccess(IDLE)
			.build();
	}

	/** Forgets everything; the next reads load from the database again. */
	public void clear() {
		this.trees.invalidateAll();
		this.pages.invalidateAll();
		this.alsoCleared.forEach(Runnable::run);
	}

	/** What else {@link #clear()} forgets, such as the versions read last. */
	void alsoClear(Runnable forget) {
		this.alsoCleared.add(forget);
	}

	Cache<TreeKey, CurriculumTree> trees() {
		return this.trees;
	}

	Cache<PageKey, CachedPage> pages() {
		return this.pages;
	}

	/**
	 * When this instance started: a page's bytes also depend on the build (the
	 * fingerprints of its stylesheets and scripts), so none is older than that.
	 */
	Instant started() {
		return this.started;
	}

	record TreeKey(long id, long version) {

		static TreeKey of(CurriculumStamp stamp) {
			return new TreeKey(stamp.id(), stamp.version());
		}

	}

	/**
	 * @param versions the stamps the page was made from, without their moments
	 */
	record PageKey(String path, Object versions, Locale locale) {

	}

	/**
	 * @param etag a weak entity tag: compression changes the bytes, not the page
	 */
	record CachedPage(byte[] body, String contentType, String contentLanguage, String etag, Instant lastModified) {

	}

}
