package io.stepwise.curriculum;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/curricula")
@Tag(name = "Curricula", description = "The curricula and their content; open to everyone")
class CurriculumApiController {

	private final CurriculumCatalog catalog;

	CurriculumApiController(CurriculumCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	@Operation(summary = "List the curricula with their size")
	List<CurriculumSummary> list() {
		return this.catalog.summaries();
	}

	@GetMapping("/{slug}")
	@Operation(summary = "The whole curriculum: phases, weeks, skills, resources, tasks and references",
			description = "Every skill, task, resource, week and phase carries its stable id; skill and task ids "
					+ "are the item ids used by the progress API. Fields ending in Html are sanitised HTML.")
	CurriculumTree tree(@PathVariable String slug) {
		return this.catalog.tree(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No curriculum '" + slug + "'"));
	}

}
