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
 * limit test builds its own 20-a-minute client on the same bucket store) and the jobs
 * scheduled at their default times, except the hourly sync (the build switches every
 * provider job off in other contexts). Every test class with it shares one context.
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
		"costlens.providers.schedules.validate-api-keys=0 0 2 * * *",
		"costlens.providers.schedules.cleanup-old-usage-stats=0 0 3 * * SUN",
		"costlens.providers.schedules.reencrypt-provider-keys=0 0 4 * * *",
		"logging.level.io.costlens.providers=DEBUG" })
public @interface WithOpenRouterFake {

}
