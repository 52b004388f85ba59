package io.stepwise.curriculum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

@Entity
class Phase {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Curriculum curriculum;

	private int position;

	private String title;

	private String goal;

	private int monthFrom;

	private int monthTo;

	@OneToMany(mappedBy = "phase", cascade = CascadeType.PERSIST)
	@OrderBy("number")
	private List<Week> weeks = new ArrayList<>();

	protected Phase() {
	}

	Phase(Curriculum curriculum, int position, String title, String goal, MonthSpan months) {
		this.curriculum = curriculum;
		this.position = position;
		this.title = title;
		this.goal = goal;
		this.monthFrom = months.from();
		this.monthTo = months.to();
	}

	Week addWeek(int number, String title, Instant now) {
		Week week = new Week(this.curriculum, this, number, title, now);
		this.weeks.add(week);
		return week;
	}

	void edit(String title, String goal, MonthSpan months) {
		this.title = title;
		this.goal = goal;
		this.monthFrom = months.from();
		this.monthTo = months.to();
	}

	void placeAt(int position) {
		this.position = position;
	}

	/** Takes a week out of the phase: it was deleted, or moved to another phase. */
	void release(Week week) {
		this.weeks.remove(week);
	}

	/** Takes in a week moved here from another phase. */
	void adopt(Week week) {
		this.weeks.add(week);
	}

	Long getId() {
		return this.id;
	}

	Long getCurriculumId() {
		return this.curriculum.getId();
	}

	int getPosition() {
		return this.position;
	}

	String getTitle() {
		return this.title;
	}

	String getGoal() {
		return this.goal;
	}

	Curriculum getCurriculum() {
		return this.curriculum;
	}

	MonthSpan getMonths() {
		return new MonthSpan(this.monthFrom, this.monthTo);
	}

}
