package io.stepwise.audit;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins, newest first, filtered in the query string. */
@Controller
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String area, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		AuditQuery query = AuditQuery.of(area, actor, q, page);
		model.addAttribute("query", query);
		model.addAttribute("entries", this.log.search(query));
		model.addAttribute("areas", List.of("curriculum", "cohort", "account"));
		return "admin/audit";
	}

}
