package io.costlens.providers;

/**
 * A provider key to store.
 *
 * @param name the owner's name for it
 * @param key the key itself
 * @param provider {@code openrouter}
 */
record NewProviderKey(String name, String key, String provider) {

}
