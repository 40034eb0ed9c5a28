package io.costlens.devlens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;
import io.costlens.platform.GroupCommitter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevlensProperties.class)
class DevlensConfiguration {

	/** Trace and GitHub imports may carry a batch body. */
	@Bean
	EndpointRules devlensEndpoints() {
		return EndpointRules.builder().body(BodySize.BATCH, "/api/traces", "/api/github/import").build();
	}

	@Bean
	SessionFeed sessionFeed() {
		return new SessionFeed();
	}

	/**
	 * The single writer of sessions; closed at shutdown after writing what it accepted.
	 */
	@Bean(destroyMethod = "close")
	GroupCommitter<Session, Boolean> sessionCommitter(SessionWriter writer, DevlensProperties properties) {
		return GroupCommitter.start("devlens-sessions", properties.groupCommit(), writer);
	}

}
