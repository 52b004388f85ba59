package io.stepwise.curriculum;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.stepwise.curriculum.CurriculumTree.PhaseView;
import io.stepwise.curriculum.CurriculumTree.ReferenceView;
import io.stepwise.curriculum.CurriculumTree.ResourceView;
import io.stepwise.curriculum.CurriculumTree.SkillView;
import io.stepwise.curriculum.CurriculumTree.WeekView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.server.ResponseStatusException;

@Controller
class CurriculumController {

	private final CurriculumCatalog catalog;

	private final List<CurriculumPageContributor> contributors;

	private final PageDescriptions descriptions;

	CurriculumController(CurriculumCatalog catalog, List<CurriculumPageContributor> contributors,
			PageDescriptions descriptions) {
		this.catalog = catalog;
		this.contributors = contributors;
		this.descriptions = descriptions;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("curricula", this.catalog.summaries());
		return "home";
	}

	@GetMapping("/curricula/{slug}")
	String overview(@PathVariable String slug,
			@RequestAttribute(name = AnonymousPages.STAMP, required = false) CurriculumStamp stamp, Model model) {
		CurriculumTree curriculum = tree(slug, stamp);
		model.addAttribute("curriculum", curriculum);
		model.addAttribute("pageDescription", this.descriptions.overview(curriculum));
		this.contributors.forEach((contributor) -> contributor.contributeToOverview(curriculum, model));
		return "curriculum/overview";
	}

	@GetMapping("/curricula/{slug}/weeks/{number:\\d{1,6}}")
	String week(@PathVariable String slug, @PathVariable int number,
			@RequestAttribute(name = AnonymousPages.STAMP, required = false) CurriculumStamp stamp, Model model) {
		CurriculumTree curriculum = tree(slug, stamp);
		WeekView week = curriculum.week(number).orElseThrow(CurriculumController::notFound);
		model.addAttribute("curriculum", curriculum);
		model.addAttribute("week", week);
		PhaseView phase = curriculum.phaseOf(week).orElseThrow();
		model.addAttribute("phase", phase);
		model.addAttribute("pageDescription", this.descriptions.week(curriculum, phase, week));
		model.addAttribute("previous", (number > 1) ? number - 1 : null);
		model.addAttribute("next", (number < curriculum.weekCount()) ? number + 1 : null);
		model.addAttribute("references", citedIn(curriculum, week));
		this.contributors.forEach((contributor) -> contributor.contributeToWeek(curriculum, week, model));
		return "curriculum/week";
	}

	/** The stamp the page cache read for this request, if it did, is read only once. */
	private CurriculumTree tree(String slug, CurriculumStamp stamp) {
		return ((stamp != null) ? this.catalog.tree(stamp) : this.catalog.tree(slug))
			.orElseThrow(CurriculumController::notFound);
	}

	private static List<ReferenceView> citedIn(CurriculumTree curriculum, WeekView week) {
		Set<Integer> numbers = new LinkedHashSet<>(week.citations());
		week.skills().stream().map(SkillView::citations).forEach(numbers::addAll);
		week.resources().stream().map(ResourceView::citations).forEach(numbers::addAll);
		return numbers.stream().sorted().flatMap((number) -> curriculum.reference(number).stream()).toList();
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
