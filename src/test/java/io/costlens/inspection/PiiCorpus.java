package io.costlens.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The labelled corpus in {@code pii-corpus.tsv}: what each line holds, by type. */
final class PiiCorpus {

	private PiiCorpus() {
	}

	record Line(Map<PiiType, Integer> expected, String text) {

		boolean hasPii() {
			return !this.expected.isEmpty();
		}

	}

	static String text() {
		try (InputStream in = PiiCorpus.class.getResourceAsStream(PiiCorpusGenerator.RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No " + PiiCorpusGenerator.RESOURCE + " next to " + PiiCorpus.class);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		for (String row : text().split("\n")) {
			if (!row.startsWith("#")) {
				int tab = row.indexOf('\t');
				lines.add(new Line(labels(row.substring(0, tab)), row.substring(tab + 1)));
			}
		}
		return lines;
	}

	private static Map<PiiType, Integer> labels(String labels) {
		Map<PiiType, Integer> expected = new EnumMap<>(PiiType.class);
		if (!labels.equals("-")) {
			for (String label : labels.split(",")) {
				expected.merge(PiiType.valueOf(label.toUpperCase(Locale.ROOT)), 1, Integer::sum);
			}
		}
		return expected;
	}

	static Map<PiiType, Integer> counts(PiiScan scan) {
		Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
		for (PiiFinding finding : scan.findings()) {
			found.merge(finding.type(), 1, Integer::sum);
		}
		return found;
	}

}
