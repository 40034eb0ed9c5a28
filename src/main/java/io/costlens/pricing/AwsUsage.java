package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one hour of a workload used of SQS, Lambda and Bedrock.
 *
 * @param hour the start of the hour, whose prices apply
 * @param sqsBlocks billed SQS requests (64 KiB blocks)
 * @param lambdaInvocations Lambda invocations
 * @param gbSeconds Lambda compute in GB-seconds
 * @param bedrockModel the model, priced by tiers {@code <model>_input} and
 * {@code <model>_output}
 * @param inputTokens Bedrock input tokens
 * @param outputTokens Bedrock output tokens (may be fractional: a ratio of the input)
 */
public record AwsUsage(Instant hour, long sqsBlocks, long lambdaInvocations, BigDecimal gbSeconds, String bedrockModel,
		long inputTokens, BigDecimal outputTokens) {

}
