package io.costlens.predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.costlens.platform.GroupCommitter.BatchWriter;

/**
 * Writes a batch of predictions in one transaction: ids from the sequence, one COPY or
 * JDBC batch insert, and the touched roll-up buckets locked, merged and written back.
 * Called by the group committer's single writer thread.
 */
@Component
class PredictionWriter implements BatchWriter<NewPrediction, Prediction> {

	private final PredictionRepository predictions;

	private final RollupRepository rollups;

	private final TransactionTemplate transaction;

	private final IdBlocks ids;

	PredictionWriter(PredictionRepository predictions, RollupRepository rollups, TransactionTemplate transaction) {
		this.predictions = predictions;
		this.rollups = rollups;
		this.transaction = transaction;
		this.ids = new IdBlocks(predictions);
	}

	@Override
	public List<Prediction> write(List<NewPrediction> items) {
		List<Prediction> written = this.transaction.execute((status) -> {
			List<Long> ids = this.ids.take(items.size());
			List<Prediction> rows = new ArrayList<>(items.size());
			for (int i = 0; i < items.size(); i++) {
				rows.add(items.get(i).withId(ids.get(i)));
			}
			Map<BucketKey, Bucket> added = Bucket.of(rows);
			Map<BucketKey, Bucket> stored = this.rollups.lock(added.keySet());
			this.predictions.insertAll(rows);
			Map<BucketKey, Bucket> created = new TreeMap<>();
			added.forEach((key, bucket) -> {
				Bucket existing = stored.get(key);
				if (existing != null) {
					existing.merge(bucket);
				}
				else {
					created.put(key, bucket);
				}
			});
			this.rollups.update(stored);
			this.rollups.insert(created);
			return rows;
		});
		return (written != null) ? written : List.of();
	}

}
