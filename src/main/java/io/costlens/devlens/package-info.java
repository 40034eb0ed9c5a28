/**
 * Developer AI-assistant analytics (ProdLens): imports traces and GitHub activity, keeps
 * daily roll-ups per developer, repository and model, and answers KPIs, sessions,
 * profiles, insights and live streams from them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "pricing" })
@org.jspecify.annotations.NullMarked
package io.costlens.devlens;
