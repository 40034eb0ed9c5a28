package io.costlens.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

record ScenarioResponse(UUID id, String name, @Nullable String description, String region, String status,
		List<String> tags, long totalRequests, int lambdaBatchSize, int lambdaMemoryMb, int lambdaDurationMs,
		String bedrockModel, BigDecimal outputTokensRatio, Instant createdAt, Instant updatedAt,
		@Nullable Instant startedAt, @Nullable Instant completedAt) {

	static ScenarioResponse of(Scenario s) {
		return new ScenarioResponse(s.id(), s.name(), s.description(), s.region(), s.status().value(), s.tags(),
				s.totalRequests(), s.costModel().lambdaBatchSize(), s.costModel().lambdaMemoryMb(),
				s.costModel().lambdaDurationMs(), s.costModel().bedrockModel(),
				s.costModel().outputTokensRatio().stripTrailingZeros(), s.createdAt(), s.updatedAt(), s.startedAt(),
				s.completedAt());
	}

}
