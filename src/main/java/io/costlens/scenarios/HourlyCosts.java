package io.costlens.scenarios;

import java.util.List;
import java.util.Map;

import io.costlens.pricing.PriceKey;

/**
 * What every scenario together did and cost in some hours.
 *
 * @param hours one entry per hour with logs, oldest first, each with the prices it missed
 * @param missing each price that was needed and not in force, with the logs it left
 * unpriced
 */
public record HourlyCosts(List<HourlyCost> hours, Map<PriceKey, Long> missing) {

}
