package io.costlens.inspection;

import java.nio.charset.StandardCharsets;
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

import io.costlens.bench.LogLines;

/**
 * Single-threaded throughput of message inspection on 1 KB and 16 KB log messages, so
 * the scores are per core. Two baselines run on the same message in the same run, so runs
 * on a busy or different machine can be compared: {@code baselineCharLoop} reads every
 * character once in a scalar loop (a polynomial hash the JIT cannot vectorise), the
 * yardstick for a single pass; {@code baselineUtf8Copy} encodes the message to a
 * {@code byte[]}, as every ingest does anyway (memory-bound, so noisier). It sits in the
 * inspection package because it measures the module's package-private parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InspectionBenchmark {

	@Param({ "1024", "16384" })
	public int size;

	private String message;

	private PiiDetector detector;

	private TokenCounter tokens;

	private Inspection inspector;

	@Setup
	public void setUp() {
		this.message = LogLines.ofSize(this.size);
		this.detector = new PiiDetector();
		this.tokens = new TokenCounter(TokenEncoding.CL100K_BASE);
		this.inspector = new Inspection(this.detector, this.tokens);
	}

	@Benchmark
	public Object piiScan() {
		return this.detector.scan(this.message);
	}

	@Benchmark
	public int tokensCl100k() {
		return this.tokens.count(this.message);
	}

	@Benchmark
	public int tokensO200k() {
		return this.tokens.count(this.message, TokenEncoding.O200K_BASE);
	}

	@Benchmark
	public InspectedMessage inspect() {
		return this.inspector.inspect(this.message);
	}

	@Benchmark
	public int baselineCharLoop() {
		String message = this.message;
		int hash = 0;
		for (int i = 0; i < message.length(); i++) {
			hash = 31 * hash + message.charAt(i);
		}
		return hash;
	}

	@Benchmark
	public byte[] baselineUtf8Copy() {
		return this.message.getBytes(StandardCharsets.UTF_8);
	}

}
