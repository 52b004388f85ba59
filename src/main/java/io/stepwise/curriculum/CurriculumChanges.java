package io.stepwise.curriculum;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a new version of a curriculum's document changes in the stored curriculum, for an
 * admin to read before applying it. Skills, tasks and weeks are listed one by one with
 * the learners each change touches; other content (titles, goals, resources, sections,
 * references) is listed by what changed.
 *
 * @param added new items and weeks
 * @param changed items whose text changed in place (they keep their id and check-offs),
 * skills whose description or citations changed, weeks whose title changed
 * @param removed items the document no longer has: archived, their check-offs kept
 * @param moved items found in another week: they keep their id and check-offs
 * @param other changes to everything else
 */
public record CurriculumChanges(List<Change> added, List<Change> changed, List<Change> removed, List<Change> moved,
		List<OtherChange> other) {

	public CurriculumChanges {
		added = List.copyOf(added);
		changed = List.copyOf(changed);
		removed = List.copyOf(removed);
		moved = List.copyOf(moved);
		other = List.copyOf(other);
	}

	public static CurriculumChanges none() {
		return new CurriculumChanges(List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/** Whether applying the document would change nothing at all. */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.changed.isEmpty() && this.removed.isEmpty() && this.moved.isEmpty()
				&& this.other.isEmpty();
	}

	/** Changed, removed and moved items that learners had checked off. */
	public long itemsWithProgress() {
		return Stream.of(this.changed, this.removed, this.moved)
			.flatMap(List::stream)
			.filter((change) -> change.learnersAffected() != null && change.learnersAffected() > 0)
			.count();
	}

	public enum Kind {

		SKILL, TASK, WEEK

	}

	/**
	 * One skill, task or week.
	 *
	 * @param id its id; {@code null} for something new
	 * @param week the number of the week it is in (after the change)
	 * @param text its text after the change (before it, for a removal)
	 * @param previous its text before the change, for a changed one; {@code null} else
	 * @param fromWeek the week it was in, for a moved one; {@code null} else
	 * @param learnersAffected learners who checked the item off; {@code null} for
	 * additions and weeks
	 */
	public record Change(Kind kind, Long id, int week, String text, String previous, Integer fromWeek,
			Integer learnersAffected) {
	}

	/**
	 * @param what what changed, a key such as {@code title}, {@code phaseChanged},
	 * {@code weekResources}
	 * @param subject which one, as a person would name it: a title, a week number
	 */
	public record OtherChange(String what, String subject) {
	}

}
