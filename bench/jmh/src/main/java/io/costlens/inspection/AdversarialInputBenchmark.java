package io.costlens.inspection;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII detection on 1 MiB of one fragment repeated, the inputs that make a backtracking
 * matcher quadratic: a linear scan keeps the same MB/s as on real log lines. The unit
 * tests check what these inputs yield; this measures how fast.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdversarialInputBenchmark {

	/** The input size in bytes, as the runner's MB/s column reads it. */
	@Param({ "1048576" })
	public int size;

	@Param({ "%40", "a@", "1 ", "::1", "4111111111111111 " })
	public String unit;

	private String text;

	private PiiDetector detector;

	@Setup
	public void setUp() {
		this.text = this.unit.repeat(this.size / this.unit.length());
		this.text = this.text + "x".repeat(this.size - this.text.length());
		this.detector = new PiiDetector();
	}

	@Benchmark
	public Object adversarialPiiScan() {
		return this.detector.scan(this.text);
	}

}
