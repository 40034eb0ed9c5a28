package io.costlens.predictions;

import java.util.List;

/**
 * One page of predictions.
 *
 * @param items the predictions, newest first
 * @param total how many match the filter in all
 */
public record PredictionPage(List<Prediction> items, long total) {

}
