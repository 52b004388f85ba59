package io.stepwise.curriculum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stepwise.curriculum.CurriculumChanges.Kind;

/**
 * Pairs the skills and tasks of a stored curriculum with those of a new version of its
 * document, so that items keep their ids, and learners their check-offs, across imports.
 * Weeks are matched by number; within a week an item is matched, in this order:
 * <ol>
 * <li>by its exact text in the same week: the same item, perhaps in another
 * position;</li>
 * <li>by its exact text in another week: the item moved there;</li>
 * <li>by position among the remaining items of its kind in the same week: the item, with
 * its text changed in place;</li>
 * </ol>
 * and is otherwise new. Stored items left over are removed.
 */
final class ItemMatcher {

	private ItemMatcher() {
	}

	static Match match(List<Stored> stored, List<Incoming> incoming) {
		Set<Stored> taken = new HashSet<>();
		Pairing[] pairings = new Pairing[incoming.size()];

		Map<Slot, Map<String, Deque<Stored>>> byText = new HashMap<>();
		Map<Kind, Map<String, List<Stored>>> byTextAnywhere = new HashMap<>();
		for (Stored item : stored) {
			byText.computeIfAbsent(item.slot(), (slot) -> new HashMap<>())
				.computeIfAbsent(item.text(), (text) -> new ArrayDeque<>())
				.add(item);
			byTextAnywhere.computeIfAbsent(item.kind(), (kind) -> new HashMap<>())
				.computeIfAbsent(item.text(), (text) -> new ArrayList<>())
				.add(item);
		}

		for (int i = 0; i < incoming.size(); i++) {
			Incoming item = incoming.get(i);
			Deque<Stored> same = byText.getOrDefault(item.slot(), Map.of()).get(item.text());
			if (same != null && !same.isEmpty()) {
				Stored match = same.poll();
				taken.add(match);
				pairings[i] = new Pairing(item, match, Fate.SAME);
			}
		}
		for (int i = 0; i < incoming.size(); i++) {
			Incoming item = incoming.get(i);
			if (pairings[i] != null) {
				continue;
			}
			for (Stored candidate : byTextAnywhere.getOrDefault(item.kind(), Map.of())
				.getOrDefault(item.text(), List.of())) {
				if (candidate.week() != item.week() && !taken.contains(candidate)) {
					taken.add(candidate);
					pairings[i] = new Pairing(item, candidate, Fate.MOVED);
					break;
				}
			}
		}

		Map<Slot, Deque<Stored>> remaining = new LinkedHashMap<>();
		for (Stored item : stored) {
			if (!taken.contains(item)) {
				remaining.computeIfAbsent(item.slot(), (slot) -> new ArrayDeque<>()).add(item);
			}
		}
		for (int i = 0; i < incoming.size(); i++) {
			Incoming item = incoming.get(i);
			if (pairings[i] != null) {
				continue;
			}
			Deque<Stored> left = remaining.get(item.slot());
			if (left != null && !left.isEmpty()) {
				Stored match = left.poll();
				taken.add(match);
				pairings[i] = new Pairing(item, match, Fate.CHANGED);
			}
			else {
				pairings[i] = new Pairing(item, null, Fate.ADDED);
			}
		}
		List<Stored> removed = stored.stream().filter((item) -> !taken.contains(item)).toList();
		return new Match(List.of(pairings), removed);
	}

	/** What became of an item of the new document. */
	enum Fate {

		/** The stored item with this text, in the same week. */
		SAME,

		/** The stored item with this text, from another week. */
		MOVED,

		/** The stored item at this position among those left, with new text. */
		CHANGED,

		/** No stored item: a new one. */
		ADDED

	}

	/** A week and a kind of item: where matching by position happens. */
	private record Slot(int week, Kind kind) {
	}

	/**
	 * A skill or task as stored.
	 *
	 * @param week the number of the week it is in
	 */
	record Stored(long id, Kind kind, int week, String text) {

		Slot slot() {
			return new Slot(this.week, this.kind);
		}

	}

	/** A skill or task of the new document. */
	record Incoming(Kind kind, int week, String text) {

		Slot slot() {
			return new Slot(this.week, this.kind);
		}

	}

	/**
	 * @param stored the matched stored item, or {@code null} when the item is new
	 */
	record Pairing(Incoming incoming, Stored stored, Fate fate) {
	}

	/**
	 * @param pairings one for each item of the new document, in its order
	 * @param removed stored items the new document no longer has, in stored order
	 */
	record Match(List<Pairing> pairings, List<Stored> removed) {
	}

}
