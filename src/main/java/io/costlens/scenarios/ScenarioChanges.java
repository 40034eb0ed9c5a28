package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A partial update: {@code null} fields keep their value.
 *
 * @param name new unique name
 * @param description new description
 * @param region new region (one of the price catalog)
 * @param tags new labels
 * @param lambdaBatchSize new logs per Lambda invocation
 * @param lambdaMemoryMb new Lambda memory
 * @param lambdaDurationMs new Lambda duration
 * @param bedrockModel new Bedrock model
 * @param outputTokensRatio new output tokens per input token
 */
public record ScenarioChanges(@Nullable String name, @Nullable String description, @Nullable String region,
		@Nullable List<String> tags, @Nullable Integer lambdaBatchSize, @Nullable Integer lambdaMemoryMb,
		@Nullable Integer lambdaDurationMs, @Nullable String bedrockModel, @Nullable BigDecimal outputTokensRatio) {

	/** This update applied to a scenario. */
	Scenario applyTo(Scenario s, Instant now) {
		CostModel c = s.costModel();
		CostModel cost = new CostModel(or(this.lambdaBatchSize, c.lambdaBatchSize()),
				or(this.lambdaMemoryMb, c.lambdaMemoryMb()), or(this.lambdaDurationMs, c.lambdaDurationMs()),
				or(this.bedrockModel, c.bedrockModel()), or(this.outputTokensRatio, c.outputTokensRatio()));
		return new Scenario(s.id(), or(this.name, s.name()), or(this.description, s.description()),
				or(this.region, s.region()), s.status(), or(this.tags, s.tags()), s.totalRequests(), cost,
				s.createdAt(), now, s.startedAt(), s.completedAt());
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
