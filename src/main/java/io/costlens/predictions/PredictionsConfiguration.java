package io.costlens.predictions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.EndpointRules;
import io.costlens.platform.EndpointRules.BodySize;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.Jobs;

@Configuration(proxyBeanMethods = false)
class PredictionsConfiguration {

	/** A batch of predictions may carry up to 10 MiB. */
	@Bean
	EndpointRules predictionEndpoints() {
		return EndpointRules.builder().body(BodySize.BATCH, "/api/v1/predict-log/batch").build();
	}

	/**
	 * The single writer of predictions; closed at shutdown after writing what it
	 * accepted.
	 */
	@Bean(destroyMethod = "close")
	GroupCommitter<NewPrediction, Prediction> predictionCommitter(PredictionWriter writer,
			PredictionsProperties properties) {
		return GroupCommitter.start("predictions", properties.groupCommit(), writer);
	}

	/** Deletes predictions (and, when configured, roll-ups) past their retention. */
	@Bean
	RecurringTask<Void> predictionRetentionJob(Jobs jobs, PredictionRetention retention,
			PredictionsProperties properties) {
		return jobs.recurring("prediction-retention", properties.retention().interval(), retention::run);
	}

}
