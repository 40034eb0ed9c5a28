package io.costlens.inspection;

import java.util.EnumMap;
import java.util.Map;

/**
 * Precision and recall per type over a labelled corpus, counted per line: in a line that
 * holds two emails, finding three is two true and one false positive, finding one is one
 * true positive and one false negative. "any" scores whole lines: has PII or not.
 */
final class PiiScores {

	private final Map<PiiType, Score> byType = new EnumMap<>(PiiType.class);

	private final Score lines = new Score();

	PiiScores() {
		for (PiiType type : PiiType.values()) {
			this.byType.put(type, new Score());
		}
	}

	void add(Map<PiiType, Integer> expected, Map<PiiType, Integer> found) {
		this.byType.forEach((type, score) -> score.add(expected.getOrDefault(type, 0), found.getOrDefault(type, 0)));
		addLine(!expected.isEmpty(), !found.isEmpty());
	}

	void addLine(boolean expected, boolean found) {
		this.lines.add(expected ? 1 : 0, found ? 1 : 0);
	}

	Score of(PiiType type) {
		return this.byType.get(type);
	}

	Score lines() {
		return this.lines;
	}

	String table(String title, boolean perType) {
		StringBuilder table = new StringBuilder(title).append('\n');
		table.append(String.format("%-12s %6s %6s %6s %10s %8s%n", "type", "TP", "FP", "FN", "precision", "recall"));
		if (perType) {
			this.byType.forEach((type, score) -> table.append(score.row(type.value())));
		}
		return table.append(this.lines.row("any (line)")).toString();
	}

	static final class Score {

		private int truePositives;

		private int falsePositives;

		private int falseNegatives;

		void add(int expected, int found) {
			this.truePositives += Math.min(expected, found);
			this.falsePositives += Math.max(0, found - expected);
			this.falseNegatives += Math.max(0, expected - found);
		}

		double precision() {
			int found = this.truePositives + this.falsePositives;
			return (found == 0) ? 0 : (double) this.truePositives / found;
		}

		double recall() {
			int expected = this.truePositives + this.falseNegatives;
			return (expected == 0) ? 0 : (double) this.truePositives / expected;
		}

		double f1() {
			double sum = precision() + recall();
			return (sum == 0) ? 0 : 2 * precision() * recall() / sum;
		}

		int expected() {
			return this.truePositives + this.falseNegatives;
		}

		String row(String name) {
			return String.format("%-12s %6d %6d %6d %10.3f %8.3f%n", name, this.truePositives, this.falsePositives,
					this.falseNegatives, precision(), recall());
		}

	}

}
