/**
 * Users, their roles and tiers, and the credentials they call the API with: API keys
 * (stored as hashes) and the first-start admin account.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "notifications", "platform" })
@org.jspecify.annotations.NullMarked
package io.costlens.accounts;
