package io.costlens.scenarios;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.costlens.platform.PlainText;
import io.costlens.platform.InvalidFields;

/**
 * The body of a scenario create or update; limits follow what AWS Lambda accepts. A
 * create needs a name, and absent fields take the seed's defaults; an update changes only
 * the fields given.
 */
record ScenarioRequest(@Nullable @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*") @PlainText String name,
		@Nullable @Size(max = 2000) @PlainText String description,
		@Nullable @Size(min = 1, max = 32) @PlainText String region,
		@Nullable @Size(max = 50) List<@Size(min = 1, max = 64) @PlainText String> tags,
		@Nullable @Min(1) @Max(10000) Integer lambdaBatchSize, @Nullable @Min(128) @Max(10240) Integer lambdaMemoryMb,
		@Nullable @Min(1) @Max(900000) Integer lambdaDurationMs,
		@Nullable @Pattern(regexp = "[a-z0-9_]{1,64}") String bedrockModel,
		@Nullable @DecimalMin("0") @DecimalMax("1000") BigDecimal outputTokensRatio) {

	NewScenario toNewScenario() {
		if (this.name == null) {
			throw new InvalidFields(List.of(new InvalidFields.Field("name", "must not be blank")));
		}
		CostModel d = CostModel.DEFAULT;
		CostModel cost = new CostModel(or(this.lambdaBatchSize, d.lambdaBatchSize()),
				or(this.lambdaMemoryMb, d.lambdaMemoryMb()), or(this.lambdaDurationMs, d.lambdaDurationMs()),
				or(this.bedrockModel, d.bedrockModel()), or(this.outputTokensRatio, d.outputTokensRatio()));
		return new NewScenario(this.name.strip(), this.description, or(this.region, "us-east-1"),
				or(this.tags, List.of()), cost);
	}

	ScenarioChanges toChanges() {
		return new ScenarioChanges((this.name != null) ? this.name.strip() : null, this.description, this.region,
				this.tags, this.lambdaBatchSize, this.lambdaMemoryMb, this.lambdaDurationMs, this.bedrockModel,
				this.outputTokensRatio);
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
