package io.costlens.demo;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Loads the demo data once the application is ready, when {@code costlens.demo=true} or
 * the {@code demo} profile asks for it; the {@code prod} profile ignores the request
 * unless {@code costlens.demo.force=true}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoStartup {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final Demo demo;

	private final DemoProperties properties;

	private final Environment environment;

	DemoStartup(Demo demo, DemoProperties properties, Environment environment) {
		this.demo = demo;
		this.properties = properties;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadWhenAsked() {
		if (!isAsked(this.environment)) {
			return;
		}
		if (!isAllowed(this.environment, this.properties)) {
			log.warn("Demo data requested but not loaded: the prod profile ignores costlens.demo "
					+ "unless costlens.demo.force=true");
			return;
		}
		Demo.Result result = this.demo.loadIfEmpty();
		if (!result.loaded()) {
			log.warn("Demo data not loaded: {}", result.message());
		}
	}

	/** Whether {@code costlens.demo=true} or the {@code demo} profile asks for it. */
	static boolean isAsked(Environment environment) {
		return "true".equalsIgnoreCase(environment.getProperty("costlens.demo", "").strip())
				|| environment.matchesProfiles("demo");
	}

	/** Whether this installation may load it: not under {@code prod} unless forced. */
	static boolean isAllowed(Environment environment, DemoProperties properties) {
		return !Arrays.asList(environment.getActiveProfiles()).contains("prod") || properties.force();
	}

}
