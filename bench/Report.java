import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the benchmark's raw results (results.tsv, facts.tsv, machine.tsv in the directory
 * given) into report.md, chart.svg and readme-table.md. Run by bench/run:
 * {@code java bench/Report.java target/bench}.
 */
public class Report {

	static final List<String> SCENARIOS = List.of("anon_week", "anon_overview", "anon_home", "learner_week",
			"learner_dashboard", "checkoff", "mentor_cohort");

	static final Map<String, String> NAMES = Map.of("anon_week", "Anonymous week page", "anon_overview",
			"Anonymous roadmap overview", "anon_home", "Home page", "learner_week", "Learner's week page",
			"learner_dashboard", "Learner's dashboard", "checkoff", "Check-off writes (PUT)", "mentor_cohort",
			"Mentor's 500-learner cohort page");

	record Row(String size, String scenario, double rps, double p50, double p99, double appCpu, Double dbCpu,
			long non2xx) {
	}

	record Summary(double rps, double rpsMin, double rpsMax, double p50, double p99, double appCpu, Double dbCpu,
			Double share, Double shareMin, Double shareMax, long non2xx) {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
		List<Row> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(dir.resolve("results.tsv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split("\t", -1);
			rows.add(new Row(f[0], f[1], d(f[3]), d(f[4]), d(f[5]), d(f[6]), f[7].isEmpty() ? null : d(f[7]),
					Long.parseLong(f[8])));
		}
		Map<String, Map<String, List<String>>> facts = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dir.resolve("facts.tsv"))) {
			String[] f = line.split("\t", 3);
			facts.computeIfAbsent(f[0], (k) -> new LinkedHashMap<>())
				.computeIfAbsent(f[1], (k) -> new ArrayList<>())
				.add(f[2]);
		}
		Map<String, String> machine = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dir.resolve("machine.tsv"))) {
			String[] f = line.split("\t", 2);
			machine.put(f[0], f[1]);
		}
		Set<String> sizes = new LinkedHashSet<>();
		rows.forEach((row) -> sizes.add(row.size()));
		Map<String, Map<String, Summary>> summaries = new LinkedHashMap<>();
		for (String size : sizes) {
			Map<String, Summary> bySize = new LinkedHashMap<>();
			for (String scenario : SCENARIOS) {
				summarize(rows, size, scenario).ifPresent((s) -> bySize.put(scenario, s));
			}
			summaries.put(size, bySize);
		}
		Files.writeString(dir.resolve("report.md"), report(summaries, facts, machine, rows));
		Files.writeString(dir.resolve("chart.svg"), chart(summaries, rows));
		Files.writeString(dir.resolve("readme-table.md"), readmeTable(summaries, facts, machine));
	}

	static java.util.Optional<Summary> summarize(List<Row> rows, String size, String scenario) {
		List<Row> runs = rows.stream().filter((r) -> r.size().equals(size) && r.scenario().equals(scenario)).toList();
		if (runs.isEmpty()) {
			return java.util.Optional.empty();
		}
		List<Double> rps = runs.stream().map(Row::rps).toList();
		List<Double> shares = new ArrayList<>();
		if (scenario.startsWith("anon_")) {
			String reference = "nginx_" + scenario.substring(5);
			List<Row> nginx = rows.stream()
				.filter((r) -> r.size().equals(size) && r.scenario().equals(reference))
				.toList();
			for (int i = 0; i < Math.min(runs.size(), nginx.size()); i++) {
				shares.add(runs.get(i).rps() / nginx.get(i).rps());
			}
		}
		List<Double> db = runs.stream().map(Row::dbCpu).filter((v) -> v != null).toList();
		return java.util.Optional.of(new Summary(median(rps), min(rps), max(rps),
				median(runs.stream().map(Row::p50).toList()), median(runs.stream().map(Row::p99).toList()),
				median(runs.stream().map(Row::appCpu).toList()), db.isEmpty() ? null : median(db),
				shares.isEmpty() ? null : median(shares), shares.isEmpty() ? null : min(shares),
				shares.isEmpty() ? null : max(shares), runs.stream().mapToLong(Row::non2xx).sum()));
	}

	static String report(Map<String, Map<String, Summary>> summaries, Map<String, Map<String, List<String>>> facts,
			Map<String, String> machine, List<Row> rows) {
		StringBuilder md = new StringBuilder("# Stepwise benchmark\n\n");
		machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
		md.append("\nMedians over the runs, spread as min-max. CPU is the app's (or nginx's) process time per ")
			.append("request; database CPU is that of the PostgreSQL backends serving the app's pool. ")
			.append("The machine is shared: compare ratios and CPU per request, not absolute times.\n\n")
			.append("![chart](chart.svg)\n");
		for (var bySize : summaries.entrySet()) {
			String size = bySize.getKey();
			md.append("\n## ").append(learners(size)).append(" learners\n\n")
				.append("| Scenario | req/s (min-max) | share of nginx (min-max) | p50 ms | p99 ms | app CPU ms/req | ")
				.append("db CPU ms/req | non-2xx |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
			for (var entry : bySize.getValue().entrySet()) {
				Summary s = entry.getValue();
				md.append("| ").append(NAMES.get(entry.getKey())).append(" | ")
					.append(fmt("%.0f (%.0f-%.0f)", s.rps(), s.rpsMin(), s.rpsMax())).append(" | ")
					.append(s.share() == null ? "" : fmt("%.2f%% (%.2f-%.2f%%)", 100 * s.share(), 100 * s.shareMin(),
							100 * s.shareMax()))
					.append(" | ").append(fmt("%.1f", s.p50())).append(" | ").append(fmt("%.1f", s.p99()))
					.append(" | ").append(fmt("%.2f", s.appCpu())).append(" | ")
					.append(s.dbCpu() == null ? "" : fmt("%.2f", s.dbCpu())).append(" | ").append(s.non2xx())
					.append(" |\n");
			}
			for (String reference : List.of("nginx_week", "nginx_overview", "nginx_home")) {
				List<Double> rps = rows.stream()
					.filter((r) -> r.size().equals(size) && r.scenario().equals(reference))
					.map(Row::rps)
					.toList();
				if (!rps.isEmpty()) {
					md.append("| nginx, same bytes as ").append(reference.substring(6)).append(" | ")
						.append(fmt("%.0f (%.0f-%.0f)", median(rps), min(rps), max(rps)))
						.append(" | 100% | | | | | |\n");
				}
			}
			md.append('\n');
			facts.getOrDefault(size, Map.of())
				.forEach((k, v) -> md.append("- ").append(k).append(": ").append(String.join("; ", v)).append('\n'));
		}
		return md.toString();
	}

	static String readmeTable(Map<String, Map<String, Summary>> summaries, Map<String, Map<String, List<String>>> facts,
			Map<String, String> machine) {
		List<String> sizes = new ArrayList<>(summaries.keySet());
		String last = sizes.get(sizes.size() - 1);
		StringBuilder md = new StringBuilder("| Scenario |");
		sizes.forEach((s) -> md.append(" req/s at ").append(learners(s)).append(" |"));
		md.append(" share of nginx | p99 ms | app CPU ms/req | db CPU ms/req |\n|---|");
		sizes.forEach((s) -> md.append("---|"));
		md.append("---|---|---|---|\n");
		for (String scenario : SCENARIOS) {
			Summary at = summaries.get(last).get(scenario);
			if (at == null) {
				continue;
			}
			md.append("| ").append(NAMES.get(scenario)).append(" |");
			for (String size : sizes) {
				Summary s = summaries.get(size).get(scenario);
				md.append(' ').append(s == null ? "" : fmt("%.0f", s.rps())).append(" |");
			}
			md.append(' ')
				.append(at.share() == null ? "" : fmt("%.2f%%", 100 * at.share()))
				.append(" | ")
				.append(fmt("%.0f", at.p99()))
				.append(" | ")
				.append(fmt("%.2f", at.appCpu()))
				.append(" | ")
				.append(at.dbCpu() == null ? "" : fmt("%.2f", at.dbCpu()))
				.append(" |\n");
		}
		md.append("\nShare, p99 and CPU at ").append(learners(last)).append(" learners. ");
		Map<String, List<String>> lastFacts = facts.getOrDefault(last, Map.of());
		md.append("Startup to the first answered request: ").append(first(lastFacts, "startup_ms")).append(" ms; ");
		md.append("resident memory under load ").append(kbToMb(first(lastFacts, "rss_under_load_kb"))).append(" MB ");
		md.append("(peak ").append(kbToMb(first(lastFacts, "hwm_kb"))).append(" MB); ");
		md.append("cohort CSV of ").append(first(lastFacts, "school_learners")).append(" learners in ")
			.append(first(lastFacts, "csv_seconds")).append(" s.\n");
		md.append("Machine: ").append(machine.get("nproc")).append(" cores (").append(machine.get("cpu"))
			.append("), ").append(machine.get("ram")).append(" RAM, ").append(machine.get("jdk")).append(", PostgreSQL ")
			.append(machine.get("postgresql")).append("; ").append(machine.get("settings")).append("; commit ")
			.append(machine.get("commit")).append(", ").append(machine.get("date")).append(".\n");
		return md.toString();
	}

	/** Horizontal bars of median req/s, log scale, one group per scenario, one bar per size. */
	static String chart(Map<String, Map<String, Summary>> summaries, List<Row> rows) {
		List<String> sizes = new ArrayList<>(summaries.keySet());
		List<String> scenarios = new ArrayList<>(SCENARIOS);
		scenarios.addAll(List.of("nginx_week", "nginx_overview", "nginx_home"));
		String[] colours = { "#4c78a8", "#f58518", "#54a24b", "#b279a2" };
		int barHeight = 14, left = 260, width = 900, plot = width - left - 80;
		double maxLog = 5;
		for (Row row : rows) {
			maxLog = Math.max(maxLog, Math.ceil(Math.log10(Math.max(row.rps(), 1))));
		}
		int groupHeight = barHeight * sizes.size() + 10;
		int height = 60 + groupHeight * scenarios.size() + 30;
		StringBuilder svg = new StringBuilder();
		svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n",
				width, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(fmt("<text x=\"%d\" y=\"20\" font-size=\"14\">Requests per second (median, log scale)</text>\n", left));
		for (int i = 0; i < sizes.size(); i++) {
			svg.append(fmt("<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"40\">%s learners</text>\n",
					left + i * 130, colours[i % colours.length], left + i * 130 + 16, learners(sizes.get(i))));
		}
		for (int e = 0; e <= maxLog; e++) {
			double x = left + plot * e / maxLog;
			svg.append(fmt("<line x1=\"%.1f\" y1=\"52\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
					x, x, height - 25, x, height - 10, (e == 0) ? "1" : "1e" + e));
		}
		int y = 60;
		for (String scenario : scenarios) {
			String name = NAMES.getOrDefault(scenario, "nginx: same bytes as " + scenario.substring(6));
			svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8,
					y + groupHeight / 2, name));
			for (int i = 0; i < sizes.size(); i++) {
				String size = sizes.get(i);
				List<Double> rps = rows.stream()
					.filter((r) -> r.size().equals(size) && r.scenario().equals(scenario))
					.map(Row::rps)
					.toList();
				if (rps.isEmpty()) {
					continue;
				}
				double value = median(rps);
				double w = plot * Math.log10(Math.max(value, 1)) / maxLog;
				int by = y + i * barHeight;
				svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%.0f</text>\n",
						left, by, w, barHeight - 2, colours[i % colours.length], left + w + 4, by + barHeight - 3, value));
			}
			y += groupHeight;
		}
		return svg.append("</svg>\n").toString();
	}

	static String first(Map<String, List<String>> facts, String key) {
		List<String> values = facts.get(key);
		return (values == null || values.isEmpty()) ? "?" : values.get(0);
	}

	static String kbToMb(String kb) {
		try {
			return fmt("%.0f", Long.parseLong(kb.trim()) / 1024.0);
		}
		catch (NumberFormatException ex) {
			return "?";
		}
	}

	static String learners(String size) {
		long n = Long.parseLong(size);
		return (n % 1000 == 0) ? (n / 1000) + "k" : size;
	}

	static double d(String s) {
		return s.isEmpty() ? 0 : Double.parseDouble(s);
	}

	static String fmt(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}

}
