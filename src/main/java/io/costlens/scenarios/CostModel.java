package io.costlens.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import io.costlens.pricing.AwsUsage;

/**
 * The settings the seed hard-coded that turn log roll-ups into AWS usage.
 *
 * @param lambdaBatchSize logs per Lambda invocation
 * @param lambdaMemoryMb memory of the Lambda function
 * @param lambdaDurationMs duration of one invocation
 * @param bedrockModel the model whose {@code <model>_input}/{@code <model>_output} prices
 * apply
 * @param outputTokensRatio output tokens per input token
 */
public record CostModel(int lambdaBatchSize, int lambdaMemoryMb, int lambdaDurationMs, String bedrockModel,
		BigDecimal outputTokensRatio) {

	/** The seed's values. */
	public static final CostModel DEFAULT = new CostModel(100, 1024, 1000, "claude_3_sonnet", BigDecimal.ZERO);

	/**
	 * The AWS usage of one hour of logs: one Lambda invocation per started batch, and
	 * Bedrock output tokens as a ratio of the input tokens.
	 */
	public AwsUsage usage(Instant hour, long requests, long sqsBlocks, long tokens) {
		return usageOfInvocations(hour, Math.ceilDiv(requests, this.lambdaBatchSize), sqsBlocks, tokens);
	}

	/**
	 * The AWS usage of an hour whose Lambda invocations are already counted (summed over
	 * scenarios of this model): each runs {@code memory_mb / 1024 × duration_ms / 1000}
	 * GB-seconds, exact.
	 */
	public AwsUsage usageOfInvocations(Instant hour, long invocations, long sqsBlocks, long tokens) {
		BigDecimal gbSecondsPerInvocation = BigDecimal.valueOf((long) this.lambdaMemoryMb * this.lambdaDurationMs)
			.divide(BigDecimal.valueOf(1024L * 1000L), 20, RoundingMode.UNNECESSARY)
			.stripTrailingZeros();
		return new AwsUsage(hour, sqsBlocks, invocations,
				gbSecondsPerInvocation.multiply(BigDecimal.valueOf(invocations)), this.bedrockModel, tokens,
				BigDecimal.valueOf(tokens).multiply(this.outputTokensRatio));
	}

}
