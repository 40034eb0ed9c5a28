/**
 * The web dashboard under {@code /ui/}: server-rendered pages over the other modules'
 * facades, signed in with a server-side session of its own, and the cross-module overview
 * that {@code GET /api/v2/overview} also answers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "scenarios", "predictions",
		"pricing", "audit", "accounts", "providers", "devlens", "reports", "demo" })
@org.jspecify.annotations.NullMarked
package io.costlens.dashboard;
