/**
 * The versioned AWS price catalog (SQS, Lambda, Bedrock, LLM) and the lookups that price
 * a moment in time with the price in force then, so a price change never rewrites
 * history.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package io.costlens.pricing;
