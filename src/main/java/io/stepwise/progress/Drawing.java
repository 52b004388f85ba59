package io.stepwise.progress;

import java.util.List;
import java.util.Locale;

import io.stepwise.progress.CurriculumMap.Stop;
import io.stepwise.progress.CurriculumMap.Stretch;

/**
 * A map with every part placed, in SVG user units.
 *
 * @param sections one per phase, in order
 */
public record Drawing(int width, int height, List<Section> sections) {

	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	public List<Node> nodes() {
		return this.sections.stream().flatMap((section) -> section.nodes().stream()).toList();
	}

	/**
	 * A phase as drawn: its label, if the layout has labels, before its nodes, so it is
	 * read first; the lines that join its nodes, drawn under them; the nodes in week
	 * order.
	 *
	 * @param label null when the layout has no labels
	 */
	public record Section(Stretch stretch, Label label, List<Road> roads, List<Node> nodes) {
	}

	/**
	 * A phase's label: its title, and where the months it covers go.
	 *
	 * @param text the title, shortened to fit
	 * @param monthsY the baseline of the months under the title; 0 for none
	 */
	public record Label(String text, int x, int y, int monthsY) {
	}

	public record Road(int x1, int y1, int x2, int y2) {
	}

	/**
	 * A week's node centred on (x, y).
	 *
	 * @param textY the baseline of the week number under the node; 0 for none
	 */
	public record Node(Stop stop, int x, int y, double scale, int textY) {

		/**
		 * Places a glyph drawn around the origin for a radius of {@value MapLayout#UNIT}.
		 */
		public String transform() {
			return String.format(Locale.ROOT, "translate(%d %d) scale(%s)", this.x, this.y, trim(this.scale));
		}

		private static String trim(double value) {
			String text = String.format(Locale.ROOT, "%.3f", value);
			return text.replaceFirst("\\.?0+$", "");
		}

	}

}
