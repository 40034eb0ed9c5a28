package io.costlens.devlens;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.websocket.server.WsContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import io.costlens.platform.EndpointRules;

/**
 * The live streams {@code /ws/metrics} (KPIs every
 * {@code costlens.devlens.metrics-interval}) and {@code /ws/sessions} (every imported
 * session). Both need a credential, which browsers may send as {@code ?access_token=}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveStreamsConfiguration implements WebSocketConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LiveStreamsConfiguration.class);

	private final LiveSockets metrics;

	private final LiveSockets sessions;

	LiveStreamsConfiguration(JsonMapper json, SessionFeed feed) {
		this.metrics = new LiveSockets("metrics", json);
		this.sessions = new LiveSockets("sessions", json);
		feed.subscribe((List<NewSession> batch) -> {
			if (this.sessions.hasClients()) {
				batch.forEach((s) -> this.sessions.broadcast("new_session", s));
			}
		});
	}

	@Bean
	EndpointRules liveStreamEndpoints() {
		return EndpointRules.builder().secured("/ws/**").queryToken("/ws/**").build();
	}

	/**
	 * Boot's WebSocket module is not on Maven Central for 4.1.1, so Tomcat's is set up
	 * here.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatWebSockets() {
		return (factory) -> factory
			.addContextCustomizers((context) -> context.addApplicationListener(WsContextListener.class.getName()));
	}

	/** Sends the KPIs to {@code /ws/metrics} clients, while there are any. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService metricsTicker(Analytics analytics, DevlensProperties properties) {
		ScheduledExecutorService ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("devlens-metrics").daemon(true).factory());
		long every = Math.max(100, properties.metricsInterval().toMillis());
		ticker.scheduleWithFixedDelay(() -> {
			if (!this.metrics.hasClients()) {
				return;
			}
			try {
				Report report = analytics
					.report(analytics.query(String.valueOf(properties.metricsDays()), null, null, List.of()));
				this.metrics.broadcast("metrics_update",
						Kpis.response(Kpis.of(report, properties.thresholds()), Instant.now()));
			}
			catch (RuntimeException ex) {
				log.warn("Could not compute the KPIs for /ws/metrics", ex);
			}
		}, every, every, TimeUnit.MILLISECONDS);
		return ticker;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.metrics, "/ws/metrics");
		registry.addHandler(this.sessions, "/ws/sessions");
	}

}
