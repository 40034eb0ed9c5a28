/**
 * ML prediction logging: stores each prediction a client logs (model, duration, success)
 * and answers per-model statistics from hourly roll-ups with mergeable quantile sketches,
 * so a stats call costs the same for ten rows or a hundred million.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "platform" })
@org.jspecify.annotations.NullMarked
package io.costlens.predictions;
