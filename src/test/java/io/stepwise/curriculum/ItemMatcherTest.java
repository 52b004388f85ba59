package io.stepwise.curriculum;

import java.util.List;

import io.stepwise.curriculum.CurriculumChanges.Kind;
import io.stepwise.curriculum.ItemMatcher.Fate;
import io.stepwise.curriculum.ItemMatcher.Incoming;
import io.stepwise.curriculum.ItemMatcher.Match;
import io.stepwise.curriculum.ItemMatcher.Stored;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Items keep their ids across a new version of the document wherever it still has them.
 */
class ItemMatcherTest {

	private static final List<Stored> STORED = List.of(new Stored(11, Kind.SKILL, 1, "Models"),
			new Stored(12, Kind.SKILL, 1, "Views"), new Stored(13, Kind.TASK, 1, "Build a blog"),
			new Stored(14, Kind.TASK, 1, "Deploy it"), new Stored(21, Kind.SKILL, 2, "Forms"),
			new Stored(22, Kind.TASK, 2, "Add a form"));

	@Test
	void anUnchangedDocumentKeepsEveryItemAndRemovesNone() {
		Match match = ItemMatcher.match(STORED, incoming(STORED));
		assertThat(match.pairings()).extracting((p) -> p.stored().id(), (p) -> p.fate())
			.containsExactly(tuple(11L, Fate.SAME), tuple(12L, Fate.SAME), tuple(13L, Fate.SAME), tuple(14L, Fate.SAME),
					tuple(21L, Fate.SAME), tuple(22L, Fate.SAME));
		assertThat(match.removed()).isEmpty();
	}

	@Test
	void textChangedInPlaceIsTheSameItemWithNewText() {
		Match match = ItemMatcher.match(STORED, List.of(skill(1, "Models"), skill(1, "Views and templates"),
				task(1, "Build a blog"), task(1, "Deploy it to a VPS"), skill(2, "Forms"), task(2, "Add a form")));
		assertThat(match.pairings()).extracting((p) -> p.stored().id(), (p) -> p.fate())
			.containsExactly(tuple(11L, Fate.SAME), tuple(12L, Fate.CHANGED), tuple(13L, Fate.SAME),
					tuple(14L, Fate.CHANGED), tuple(21L, Fate.SAME), tuple(22L, Fate.SAME));
		assertThat(match.removed()).isEmpty();
	}

	@Test
	void anItemWithItsTextInAnotherWeekMovedThere() {
		Match match = ItemMatcher.match(STORED, List.of(skill(1, "Models"), task(1, "Build a blog"),
				task(1, "Deploy it"), skill(2, "Forms"), skill(2, "Views"), task(2, "Add a form")));
		assertThat(match.pairings()).extracting((p) -> p.stored().id(), (p) -> p.fate())
			.containsExactly(tuple(11L, Fate.SAME), tuple(13L, Fate.SAME), tuple(14L, Fate.SAME), tuple(21L, Fate.SAME),
					tuple(12L, Fate.MOVED), tuple(22L, Fate.SAME));
		assertThat(match.removed()).isEmpty();
	}

	@Test
	void aMoveWinsOverPairingByPosition() {
		// week 1 lost "Views" to week 2 and gained "Admin": "Admin" is new, not "Views"
		// changed in place
		Match match = ItemMatcher.match(STORED, List.of(skill(1, "Models"), skill(1, "Admin"), task(1, "Build a blog"),
				task(1, "Deploy it"), skill(2, "Views"), skill(2, "Forms"), task(2, "Add a form")));
		assertThat(match.pairings()).extracting((p) -> p.incoming().text(), (p) -> p.fate())
			.contains(tuple("Admin", Fate.ADDED), tuple("Views", Fate.MOVED));
		assertThat(match.removed()).isEmpty();
	}

	@Test
	void itemsBeyondThoseStoredAreAddedAndThoseLeftOverRemoved() {
		Match match = ItemMatcher.match(STORED, List.of(skill(1, "Models"), skill(1, "Views"), task(1, "Build a blog"),
				task(1, "Deploy it"), task(1, "Write a README"), task(2, "Add a form"), skill(3, "Testing")));
		assertThat(match.pairings()).filteredOn((p) -> p.fate() == Fate.ADDED)
			.extracting((p) -> p.incoming().week(), (p) -> p.incoming().text())
			.containsExactly(tuple(1, "Write a README"), tuple(3, "Testing"));
		assertThat(match.removed()).extracting(Stored::id).containsExactly(21L);
	}

	@Test
	void aReorderedWeekKeepsEveryItem() {
		Match match = ItemMatcher.match(STORED, List.of(task(1, "Deploy it"), skill(1, "Views"),
				task(1, "Build a blog"), skill(1, "Models"), task(2, "Add a form"), skill(2, "Forms")));
		assertThat(match.pairings()).extracting((p) -> p.stored().id(), (p) -> p.fate())
			.containsExactly(tuple(14L, Fate.SAME), tuple(12L, Fate.SAME), tuple(13L, Fate.SAME), tuple(11L, Fate.SAME),
					tuple(22L, Fate.SAME), tuple(21L, Fate.SAME));
		assertThat(match.removed()).isEmpty();
	}

	@Test
	void aSkillIsNeverPairedWithATask() {
		Match match = ItemMatcher.match(List.of(new Stored(1, Kind.SKILL, 1, "Old skill")),
				List.of(task(1, "New task")));
		assertThat(match.pairings()).extracting((p) -> p.fate()).containsExactly(Fate.ADDED);
		assertThat(match.removed()).extracting(Stored::id).containsExactly(1L);
	}

	@Test
	void repeatedTextIsMatchedOnceForEachTimeItIsStored() {
		List<Stored> stored = List.of(new Stored(1, Kind.TASK, 1, "Write tests"),
				new Stored(2, Kind.TASK, 4, "Write tests"));
		Match match = ItemMatcher.match(stored,
				List.of(task(1, "Write tests"), task(4, "Write tests"), task(4, "Write tests")));
		assertThat(match.pairings()).extracting((p) -> (p.stored() != null) ? p.stored().id() : null, (p) -> p.fate())
			.containsExactly(tuple(1L, Fate.SAME), tuple(2L, Fate.SAME), tuple(null, Fate.ADDED));
		assertThat(match.removed()).isEmpty();
	}

	private static List<Incoming> incoming(List<Stored> stored) {
		return stored.stream().map((item) -> new Incoming(item.kind(), item.week(), item.text())).toList();
	}

	private static Incoming skill(int week, String text) {
		return new Incoming(Kind.SKILL, week, text);
	}

	private static Incoming task(int week, String text) {
		return new Incoming(Kind.TASK, week, text);
	}

}
