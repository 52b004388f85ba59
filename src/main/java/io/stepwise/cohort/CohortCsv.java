package io.stepwise.cohort;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.stepwise.curriculum.CurriculumTree;
import io.stepwise.progress.LearnerStanding;
import io.stepwise.progress.WeekCell;
import org.apache.commons.csv.CSVFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpHeaders;

/**
 * Writes a cohort's rows as CSV, one row at a time, in UTF-8 with a byte order mark so
 * that spreadsheets read the names right. Cells a spreadsheet would run as a formula are
 * neutralised with a leading apostrophe.
 */
final class CohortCsv implements AutoCloseable {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

	private final HttpServletResponse response;

	private final String filename;

	private final ZoneId zone;

	private CSVPrinter printer;

	/** Writes nothing yet: a refusal before {@link #header} still gets its error page. */
	CohortCsv(HttpServletResponse response, String filename, ZoneId zone) {
		this.response = response;
		this.filename = filename;
		this.zone = zone;
	}

	/** Starts the download: the response headers, then the column names. */
	void header(CurriculumTree curriculum) {
		this.response.setContentType("text/csv;charset=UTF-8");
		this.response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + this.filename + "\"");
		try {
			Writer writer = new OutputStreamWriter(this.response.getOutputStream(), StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> names = new ArrayList<>(List.of("username", "display_name", "percent_done", "current_week",
				"pace_weeks", "last_activity", "reviews_waiting"));
		curriculum.weeks().forEach((week) -> names.add("week_" + week.number()));
		print(names);
	}

	void row(CohortRow row) {
		LearnerStanding standing = row.standing();
		List<String> cells = new ArrayList<>();
		cells.add(row.member().username());
		cells.add(row.member().displayName());
		cells.add(Integer.toString(standing.percent()));
		cells.add(standing.isFinished() ? "finished" : Integer.toString(standing.currentWeek()));
		cells.add(Integer.toString(standing.pace().signedWeeks()));
		cells.add((standing.lastActivity() != null)
				? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(standing.lastActivity().atZone(this.zone)) : "");
		cells.add(Integer.toString(standing.reviewsWaiting()));
		standing.weeks().forEach((cell) -> cells.add(cell(cell)));
		print(cells);
	}

	private static String cell(WeekCell cell) {
		return switch (cell.state()) {
			case FINISHED -> "finished " + cell.finishedOn();
			case IN_PROGRESS -> "in_progress " + cell.done() + "/" + cell.required();
			default -> cell.state().code();
		};
	}

	private void print(List<String> cells) {
		try {
			this.printer.printRecord(cells.stream().map(CohortCsv::neutralised).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell starting with = + - @, a tab or a carriage return is prefixed with an
	 * apostrophe, which spreadsheets show as text; plain whole numbers stay numbers.
	 */
	static String neutralised(String cell) {
		if (cell.isEmpty() || WHOLE_NUMBER.matcher(cell).matches()) {
			return cell;
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + cell : cell;
	}

	@Override
	public void close() throws IOException {
		if (this.printer != null) {
			this.printer.close(true);
		}
	}

}
