package io.costlens.providers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import io.costlens.IntegrationTest;

/**
 * The whole application with its OpenRouter client pointed at {@link OpenRouterFake},
 * short timeouts and backoffs so failures show quickly, a generous call limit (the rate
 * limit test builds its own 20-a-minute client on the same bucket store) and a known
 * encryption key. Every test class with it shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@ContextConfiguration(initializers = OpenRouterFake.Initializer.class)
@TestPropertySource(properties = { "costlens.providers.openrouter.requests-per-minute=100000",
		"costlens.providers.openrouter.connect-timeout=2s", "costlens.providers.openrouter.read-timeout=5s",
		"costlens.providers.openrouter.max-attempts=3", "costlens.providers.openrouter.initial-backoff=20ms",
		"costlens.providers.openrouter.max-backoff=100ms", "costlens.providers.openrouter.max-retry-after=5s",
		"costlens.providers.openrouter.max-response-size=64KB",
		"costlens.providers.encryption-key=" + WithOpenRouterFake.ENCRYPTION_KEY,
		"logging.level.io.costlens.providers=DEBUG" })
@interface WithOpenRouterFake {

	/** The keyset of the test context: one AES-256 key. */
	String ENCRYPTION_KEY = "q8ZlWbDwV0wE3p2cYl0nq1b9Xl0Xq3o3Wm1eQ0mS2vE=";

}
