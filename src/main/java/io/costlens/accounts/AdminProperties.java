package io.costlens.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first-start admin account. Both are random unless given, which automation does
 * through {@code COSTLENS_ADMIN_PASSWORD} and {@code COSTLENS_ADMIN_API_KEY}.
 *
 * @param password the admin's password (at least 12 characters)
 * @param apiKey the admin's API key (at least 24 characters)
 */
@ConfigurationProperties("costlens.admin")
record AdminProperties(@Nullable String password, @Nullable String apiKey) {
}
