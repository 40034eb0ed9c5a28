package io.costlens.scenarios;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.Jobs;
import io.costlens.platform.WorkBudget;

/**
 * The one group committer that writes every ingested log of this instance, and the job
 * that deletes logs past their retention.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/** Ingest and flush need a credential; a batch may carry up to 10 MiB. */
	@Bean
	EndpointRules ingestEndpoints() {
		return EndpointRules.builder()
			.secured("/ingest", "/ingest/**", "/flush")
			.body(BodySize.MESSAGE, "/ingest")
			.body(BodySize.BATCH, "/ingest/batch")
			.build();
	}

	@Bean(destroyMethod = "close")
	GroupCommitter<StoredLog, LogWriter.Outcome> logCommitter(ScenariosProperties properties, JdbcTemplate jdbc,
			TransactionTemplate transactions) {
		return GroupCommitter.start("scenario-logs", properties.ingest().groupCommit(),
				new LogWriter(jdbc, transactions));
	}

	/** Message inspection runs on its own few threads, within a byte budget. */
	@Bean(destroyMethod = "close")
	WorkBudget inspectionBudget(ScenariosProperties properties) {
		return WorkBudget.start("inspection", properties.ingest().inspection());
	}

	/** Deletes logs (and, when configured, roll-ups) past their retention. */
	@Bean
	RecurringTask<Void> scenarioLogRetention(Jobs jobs, LogRetention retention, ScenariosProperties properties) {
		return jobs.recurring("scenario-log-retention", properties.retention().interval(), retention::run);
	}

}
