/**
 * Sample data for a first look: on an empty installation, a month of realistic activity
 * in every module (scenarios with their logs, predictions, provider keys with usage,
 * DevLens sessions, pull requests and commits, and the audit entries all of that leaves),
 * loaded through each module's own API.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "platform", "scenarios", "predictions", "providers", "devlens", "accounts" })
@org.jspecify.annotations.NullMarked
package io.costlens.demo;
