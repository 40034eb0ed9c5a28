/**
 * Cost-simulation scenarios: their lifecycle, the durable group-committed ingestion of
 * log messages into a running scenario, the stored (masked) logs and hourly roll-ups, and
 * the AWS cost metrics computed from those roll-ups with the price catalog.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "inspection", "platform", "pricing" })
@org.jspecify.annotations.NullMarked
package io.costlens.scenarios;
