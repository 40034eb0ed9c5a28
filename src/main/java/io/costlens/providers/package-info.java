/**
 * Provider API keys (OpenRouter), kept encrypted with a rotatable Tink keyset, and the
 * usage, tokens and cost synced from the provider's real API into daily rows per key and
 * model, behind one rate-limited, retrying client.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "audit" })
@org.jspecify.annotations.NullMarked
package io.costlens.providers;
