package io.stepwise.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stepwise.curriculum.CurriculumDraft.PhaseDraft;
import io.stepwise.curriculum.CurriculumDraft.ResourceDraft;
import io.stepwise.curriculum.CurriculumDraft.SectionDraft;
import io.stepwise.curriculum.CurriculumDraft.SkillDraft;
import io.stepwise.curriculum.CurriculumDraft.WeekDraft;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores curricula. Each call is one transaction: a curriculum is stored whole or not at
 * all.
 */
@Service
public class CurriculumLibrary {

	private final CurriculumRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CurriculumLibrary(CurriculumRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean contains(String slug) {
		return this.repository.existsBySlug(slug);
	}

	/**
	 * Stores a new curriculum.
	 * @param sourceSha256 fingerprint of the source document, so a later import can tell
	 * an unchanged document
	 * @return the new curriculum's id
	 */
	@Transactional
	public long add(CurriculumDraft draft, String sourceSha256) {
		Instant now = this.clock.instant();
		Curriculum curriculum = new Curriculum(draft.slug(), draft.title(), draft.intro(), draft.guidelines(),
				draft.plannedWeeks(), draft.shape(), sourceSha256, now);
		Map<Integer, Reference> references = draft.references()
			.stream()
			.map((reference) -> curriculum.addReference(reference.number(), reference.url()))
			.collect(Collectors.toMap(Reference::getNumber, Function.identity()));
		Function<List<Integer>, List<Reference>> cited = (
				numbers) -> numbers.stream().map((number) -> lookUp(references, number)).toList();
		for (PhaseDraft phaseDraft : draft.phases()) {
			Phase phase = curriculum.addPhase(phaseDraft.title(), phaseDraft.goal(), phaseDraft.months());
			for (WeekDraft weekDraft : phaseDraft.weeks()) {
				Week week = phase.addWeek(weekDraft.number(), weekDraft.title(), now);
				week.cite(cited.apply(weekDraft.citations()));
				for (SkillDraft skill : weekDraft.skills()) {
					week.addSkill(skill.name(), skill.description(), cited.apply(skill.citations()), now);
				}
				for (String task : weekDraft.tasks()) {
					week.addTask(task, now);
				}
				for (ResourceDraft resource : weekDraft.resources()) {
					week.addResource(resource.title(), resource.url(), resource.kind(), resource.description(),
							cited.apply(resource.citations()));
				}
			}
		}
		for (SectionDraft sectionDraft : draft.sections()) {
			CurriculumSection section = curriculum.addSection(sectionDraft.part(), sectionDraft.title(),
					sectionDraft.kind(), sectionDraft.body());
			section.cite(cited.apply(sectionDraft.citations()));
			for (ResourceDraft resource : sectionDraft.resources()) {
				section.addResource(resource.title(), resource.url(), resource.kind(), resource.description(),
						cited.apply(resource.citations()));
			}
		}
		long id = this.repository.save(curriculum).getId();
		this.events.publishEvent(new CurriculumImported(id, draft.slug()));
		return id;
	}

	private static Reference lookUp(Map<Integer, Reference> references, int number) {
		Reference reference = references.get(number);
		if (reference == null) {
			throw new IllegalArgumentException("Citation [" + number + "] has no reference");
		}
		return reference;
	}

}
