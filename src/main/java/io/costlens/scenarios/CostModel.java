package io.costlens.scenarios;

import java.math.BigDecimal;

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

}
