/**
 * Cross-cutting plumbing every module relies on: errors as problem+json, request limits,
 * authentication and authorization rules, health and service information, and the
 * database set-up of the quick start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.costlens.platform;
