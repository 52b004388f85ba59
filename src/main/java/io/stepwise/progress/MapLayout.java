package io.stepwise.progress;

import java.util.ArrayList;
import java.util.List;

import io.stepwise.progress.CurriculumMap.Stop;
import io.stepwise.progress.CurriculumMap.Stretch;
import io.stepwise.progress.Drawing.Label;
import io.stepwise.progress.Drawing.Node;
import io.stepwise.progress.Drawing.Road;
import io.stepwise.progress.Drawing.Section;

/**
 * Places the weeks of a map: one stretch of road per phase, wrapped onto further lines
 * when a phase has more weeks than fit. Node glyphs are drawn for a radius of
 * {@value #UNIT} and scaled; the markers above a node (today's plan) and at its upper
 * right (project tasks) reach {@value #ABOVE} and {@value #RIGHT} units from its centre.
 *
 * @param pitch the distance between two nodes on a line
 * @param radius a node's radius
 * @param perLine how many nodes a line holds
 * @param labelWidth room on the left for the phase labels; 0 puts them above the nodes
 * @param labelChars how many characters of a phase title fit its label; 0 for no labels
 * @param numbers whether week numbers show under the nodes
 * @param minWidth the drawing is at least this wide, so labels above have room
 * @param flowWidth when above 0, a phase follows the one before on its line if the line
 * stays within this width
 */
record MapLayout(int pitch, int radius, int perLine, int labelWidth, int labelChars, boolean numbers, int minWidth,
		int flowWidth) {

	static final int UNIT = 10;

	static final int ABOVE = 22;

	static final int RIGHT = 15;

	static final MapLayout WIDE = new MapLayout(56, 14, 7, 340, 38, true, 0, 0);

	static final MapLayout NARROW = new MapLayout(48, 14, 6, 0, 36, true, 340, 0);

	static final MapLayout MINI = new MapLayout(28, 9, 10, 0, 0, false, 0, 320);

	private static final int MARGIN = 8;

	private static final int LABEL_LINE = 26;

	/** Room between two phases on one line, beyond the pitch. */
	private static final int PHASE_GAP = 10;

	private static final int NUMBER_LINE = 18;

	private static final int GAP = 6;

	Drawing draw(List<Stretch> stretches) {
		double scale = (double) this.radius / UNIT;
		int above = (int) Math.ceil(ABOVE * scale);
		int right = (int) Math.ceil(RIGHT * scale);
		int below = this.radius + (this.numbers ? NUMBER_LINE : GAP);
		boolean labelsBeside = this.labelChars > 0 && this.labelWidth > 0;
		boolean labelsAbove = this.labelChars > 0 && this.labelWidth == 0;
		int left = MARGIN + this.labelWidth + this.radius;
		List<Section> sections = new ArrayList<>();
		// y is the top of the next line; cy and lastX say where the open line is.
		int y = MARGIN;
		int cy = 0;
		int lastX = 0;
		boolean lineOpen = false;
		int width = Math.max(this.minWidth, labelsBeside ? MARGIN + this.labelWidth : 0);
		for (Stretch stretch : stretches) {
			List<Stop> stops = stretch.stops();
			int span = Math.max(0, Math.min(stops.size(), this.perLine) - 1) * this.pitch;
			boolean sameLine = this.flowWidth > 0 && lineOpen && !stops.isEmpty()
					&& lastX + this.pitch + PHASE_GAP + span + right + MARGIN <= this.flowWidth;
			if (!sameLine && lineOpen) {
				y = cy + below + GAP;
				lineOpen = false;
			}
			String title = (this.labelChars > 0) ? shorten(stretch.title(), this.labelChars) : "";
			Label label = null;
			if (labelsAbove) {
				y += LABEL_LINE;
				label = new Label(title, MARGIN, y - 8, 0);
			}
			else if (labelsBeside) {
				label = new Label(title, MARGIN, y + above - 2, y + above + 14);
			}
			List<Road> roads = new ArrayList<>();
			List<Node> nodes = new ArrayList<>();
			int startX = lastX + this.pitch + PHASE_GAP;
			for (int first = 0; first < stops.size(); first += this.perLine) {
				if (first > 0 || !sameLine) {
					if (lineOpen) {
						y = cy + below + GAP;
					}
					cy = y + above;
					startX = left;
				}
				int last = Math.min(first + this.perLine, stops.size()) - 1;
				for (int i = first; i <= last; i++) {
					nodes.add(new Node(stops.get(i), startX + (i - first) * this.pitch, cy, scale,
							this.numbers ? cy + this.radius + 14 : 0));
				}
				lastX = startX + (last - first) * this.pitch;
				if (last > first) {
					roads.add(new Road(startX, cy, lastX, cy));
				}
				width = Math.max(width, lastX + right + MARGIN);
				lineOpen = true;
			}
			if (stops.isEmpty() && labelsBeside) {
				y += above + below + GAP;
			}
			sections.add(new Section(stretch, label, List.copyOf(roads), List.copyOf(nodes)));
		}
		if (lineOpen) {
			y = cy + below + GAP;
		}
		return new Drawing(width, y + MARGIN - GAP, List.copyOf(sections));
	}

	/** The text cut after a whole word, marked as cut, when it is longer than fits. */
	static String shorten(String text, int chars) {
		if (text.length() <= chars) {
			return text;
		}
		int cut = text.lastIndexOf(' ', chars - 1);
		String kept = text.substring(0, (cut > chars / 2) ? cut : chars - 1).stripTrailing();
		return kept + "\u2026";
	}

}
