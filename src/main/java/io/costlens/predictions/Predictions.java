package io.costlens.predictions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.audit.AuditEvent;
import io.costlens.platform.Caches;
import io.costlens.platform.Caches.Level;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.InvalidRequest;
import io.costlens.predictions.BucketKey.Span;

/**
 * Logging ML predictions and reading them back: every write goes through the group
 * committer and updates the hourly and daily roll-ups in its transaction, so statistics
 * read roll-ups only.
 */
@Service
public class Predictions {

	private final GroupCommitter<NewPrediction, Prediction> committer;

	private final PredictionRepository predictions;

	private final RollupRepository rollups;

	private final PredictionsProperties properties;

	private final Counter logged;

	private final ApplicationEventPublisher events;

	private final Caches caches;

	/**
	 * The data set of the cached statistics and models: every prediction logged or
	 * deleted, and the retention sweep. A cache of what reads them names it.
	 */
	public static final String PREDICTIONS = "predictions";

	private static final TypeReference<ModelStats> STATS = new TypeReference<>() {
	};

	private static final TypeReference<List<ModelSummary>> MODELS = new TypeReference<>() {
	};

	Predictions(GroupCommitter<NewPrediction, Prediction> committer, PredictionRepository predictions,
			RollupRepository rollups, PredictionsProperties properties, MeterRegistry meters,
			ApplicationEventPublisher events, ObjectProvider<Caches> caches) {
		this.events = events;
		this.caches = caches.getIfAvailable(Caches::none);
		this.committer = committer;
		this.predictions = predictions;
		this.rollups = rollups;
		this.properties = properties;
		this.logged = Counter.builder("costlens.predictions.logged")
			.description("Predictions logged and committed")
			.register(meters);
	}

	/**
	 * Logs one prediction, answering once it is committed.
	 * @param prediction what to log
	 * @return the stored prediction with its id
	 */
	public Prediction log(NewPrediction prediction) {
		Prediction stored;
		try {
			stored = this.committer.write(prediction.at(Instant.now()));
		}
		finally {
			// also when the wait for the commit failed: it may have committed all the
			// same
			this.caches.changed(PREDICTIONS);
		}
		this.logged.increment();
		return stored;
	}

	/**
	 * Logs predictions in one transaction, all or none.
	 * @param batch what to log, at least one and at most the configured batch size
	 * @return the stored predictions with their ids, in order
	 */
	public List<Prediction> logAll(List<NewPrediction> batch) {
		if (batch.isEmpty() || batch.size() > batchLimit()) {
			throw new InvalidRequest(
					"A batch holds 1 to " + batchLimit() + " predictions, this one has " + batch.size());
		}
		Instant now = Instant.now();
		List<Prediction> stored;
		try {
			stored = this.committer.writeAll(batch.stream().map((p) -> p.at(now)).toList());
		}
		finally {
			this.caches.changed(PREDICTIONS);
		}
		this.logged.increment(stored.size());
		return stored;
	}

	/** The most predictions {@link #logAll} takes at once. */
	public int batchLimit() {
		return this.properties.maxBatchRequestSize();
	}

	public Prediction get(long id) {
		return this.predictions.find(id).orElseThrow(() -> new PredictionNotFound(id));
	}

	/** The predictions the filter selects, newest first. */
	public List<Prediction> list(PredictionFilter filter) {
		return this.predictions.list(filter);
	}

	/** How many predictions match the filter, ignoring its limit and offset. */
	public long count(PredictionFilter filter) {
		return this.predictions.count(filter);
	}

	/**
	 * Deletes a prediction and takes it out of its roll-up buckets in the same
	 * transaction: the hour bucket exactly (its extremes recomputed from its rows when
	 * the prediction was one), the day bucket rebuilt from its hours. Predictions are
	 * shared by every user of the installation, so the delete is audited
	 * ({@code prediction.deleted}) with the caller who made it.
	 * @param id the prediction
	 * @param actor who deletes it
	 * @param clientIp where the request came from, if from a request
	 * @throws PredictionNotFound when there is none with that id
	 */
	@Transactional
	public void delete(long id, String actor, @Nullable String clientIp) {
		Prediction prediction = get(id);
		this.caches.changed(PREDICTIONS);
		BucketKey hourKey = Span.HOUR.keyOf(prediction);
		BucketKey dayKey = Span.DAY.keyOf(prediction);
		Bucket hour = this.rollups.lock(List.of(hourKey, dayKey)).get(hourKey);
		if (!this.predictions.delete(id)) {
			throw new PredictionNotFound(id);
		}
		if (hour != null) {
			if (hour.remove(prediction) && !hour.isEmpty()) {
				this.predictions.extremes(hourKey)
					.ifPresent((e) -> hour.resetExtremes(e.min(), e.max(), e.firstAt(), e.lastAt()));
			}
			this.rollups.save(hourKey, hour);
		}
		this.rollups.save(dayKey, this.rollups.total(prediction.modelName(), Span.HOUR, dayKey.start(), dayKey.end()));
		this.events.publishEvent(AuditEvent
			.of(actor, "prediction.deleted", "delete", "prediction", Long.toString(id), clientIp)
			.with(Map.of("model_name", prediction.modelName(), "timestamp", prediction.timestamp().toString())));
	}

	/**
	 * A model's statistics over whole UTC days, from the roll-ups.
	 * @param modelName the model
	 * @param from the first day, or {@code null} for no lower bound
	 * @param to the last day (inclusive), or {@code null} for no upper bound
	 * @return the statistics; zero counts when the model logged nothing then
	 */
	public ModelStats stats(String modelName, @Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidRequest("The range starts (" + from + ") after it ends (" + to + ")");
		}
		Instant start = (from != null) ? from.atStartOfDay().toInstant(ZoneOffset.UTC) : null;
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
		return this.caches.get(Level.QUERY, "prediction-stats", modelName + "|day|" + start + "|" + end, STATS,
				() -> this.rollups.total(modelName, Span.DAY, start, end).stats(modelName), PREDICTIONS);
	}

	/**
	 * A model's statistics over whole hours {@code [from, to)}, from the hourly roll-ups,
	 * so that any reporting zone's days can be asked for.
	 * @param modelName the model
	 * @param from the first hour
	 * @param to the first hour not included
	 * @return the statistics; zero counts when the model logged nothing then
	 */
	public ModelStats statsBetween(String modelName, Instant from, Instant to) {
		return this.caches.get(Level.QUERY, "prediction-stats", modelName + "|hour|" + from + "|" + to, STATS,
				() -> this.rollups.total(modelName, Span.HOUR, from, to).stats(modelName), PREDICTIONS);
	}

	/** Every model that has predictions, by name, with its totals. */
	public List<ModelSummary> models() {
		return this.caches.get(Level.QUERY, "prediction-models", "all", MODELS, this.rollups::models, PREDICTIONS);
	}

}
