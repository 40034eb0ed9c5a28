package io.costlens.predictions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.costlens.platform.GroupCommitter;

@Configuration(proxyBeanMethods = false)
class PredictionsConfiguration {

	/**
	 * The single writer of predictions; closed at shutdown after writing what it
	 * accepted.
	 */
	@Bean(destroyMethod = "close")
	GroupCommitter<NewPrediction, Prediction> predictionCommitter(PredictionWriter writer,
			PredictionsProperties properties) {
		return GroupCommitter.start("predictions", properties.groupCommit(), writer);
	}

}
