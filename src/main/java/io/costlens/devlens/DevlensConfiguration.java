package io.costlens.devlens;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.Jobs;

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

	/** Deletes sessions (and, when configured, roll-ups) past their retention. */
	@Bean
	RecurringTask<Void> sessionRetentionJob(Jobs jobs, SessionRetention retention, DevlensProperties properties) {
		return jobs.recurring("devlens-session-retention", properties.retention().interval(), retention::run);
	}

}
