package io.costlens.inspection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiCorpusTests {

	private static final List<PiiCorpus.Line> CORPUS = PiiCorpus.lines();

	private final PiiDetector detector = new PiiDetector();

	@Test
	void holdsOverAThousandLinesWithEveryTypeAndHardNegatives() {
		PiiScores labels = new PiiScores();
		CORPUS.forEach((line) -> labels.add(line.expected(), line.expected()));
		assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(1000);
		for (PiiType type : PiiType.values()) {
			assertThat(labels.of(type).expected()).as(type.value()).isGreaterThanOrEqualTo(60);
		}
		assertThat(CORPUS.stream().filter((line) -> !line.hasPii()).count()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void isWhatTheGeneratorWrites() {
		assertThat(PiiCorpus.text()).isEqualTo(new PiiCorpusGenerator().generate());
	}

	@Test
	void findsEveryTypeWithPrecisionAndRecallOfAtLeast97Percent() {
		PiiScores ours = scoreOurs();
		System.out.println(ours.table("PiiDetector on " + CORPUS.size() + " labelled lines", true));
		System.out.println(scoreSeed().table("Seed 000 PIIDetector.PATTERNS on the same lines", true));
		System.out.println(scoreSeedSimple().table("Seed 000 detect_simple (what its ingest used)", false));
		for (PiiType type : PiiType.values()) {
			assertThat(ours.of(type).precision()).as("precision of " + type.value()).isGreaterThanOrEqualTo(0.97);
			assertThat(ours.of(type).recall()).as("recall of " + type.value()).isGreaterThanOrEqualTo(0.97);
		}
	}

	@Test
	void beatsTheSeedDetectorOnEveryType() {
		PiiScores ours = scoreOurs();
		PiiScores seed = scoreSeed();
		for (PiiType type : PiiType.values()) {
			assertThat(ours.of(type).f1()).as(type.value()).isGreaterThan(seed.of(type).f1());
		}
		assertThat(ours.lines().f1()).isGreaterThan(scoreSeedSimple().lines().f1());
	}

	private PiiScores scoreOurs() {
		PiiScores scores = new PiiScores();
		CORPUS.forEach((line) -> scores.add(line.expected(), PiiCorpus.counts(this.detector.scan(line.text()))));
		return scores;
	}

	private static PiiScores scoreSeed() {
		PiiScores scores = new PiiScores();
		CORPUS.forEach((line) -> scores.add(line.expected(), SeedPiiDetector.detect(line.text())));
		return scores;
	}

	private static PiiScores scoreSeedSimple() {
		PiiScores scores = new PiiScores();
		CORPUS.forEach((line) -> scores.addLine(line.hasPii(), SeedPiiDetector.detectSimple(line.text())));
		return scores;
	}

}
