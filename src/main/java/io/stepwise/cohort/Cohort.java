package io.stepwise.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A group of learners on one curriculum, with a start date that anchors their pace and
 * one or more mentors. Its learners are rows of their own ({@link CohortLearner}): a
 * cohort of hundreds is never loaded to add one.
 */
@Entity
class Cohort {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private long curriculumId;

	private LocalDate startDate;

	private String inviteCode;

	private Instant createdAt;

	@ElementCollection
	@CollectionTable(name = "cohort_mentor", joinColumns = @JoinColumn(name = "cohort_id"))
	@Column(name = "mentor_id")
	private Set<Long> mentorIds = new HashSet<>();

	@Version
	private long version;

	protected Cohort() {
	}

	Cohort(String name, long curriculumId, LocalDate startDate, String inviteCode, Instant now) {
		this.name = name;
		this.curriculumId = curriculumId;
		this.startDate = startDate;
		this.inviteCode = inviteCode;
		this.createdAt = now;
	}

	void rename(String name, LocalDate startDate) {
		this.name = name;
		this.startDate = startDate;
	}

	void newInviteCode(String code) {
		this.inviteCode = code;
	}

	/**
	 * @return whether the mentor was not one yet
	 */
	boolean addMentor(long mentorId) {
		return this.mentorIds.add(mentorId);
	}

	boolean removeMentor(long mentorId) {
		return this.mentorIds.remove(mentorId);
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	long getCurriculumId() {
		return this.curriculumId;
	}

	LocalDate getStartDate() {
		return this.startDate;
	}

	String getInviteCode() {
		return this.inviteCode;
	}

	Set<Long> getMentorIds() {
		return Set.copyOf(this.mentorIds);
	}

	long getVersion() {
		return this.version;
	}

}
