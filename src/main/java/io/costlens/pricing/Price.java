package io.costlens.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a price: valid from {@code effectiveFrom} until {@code effectiveTo}
 * (exclusive; {@code null} while it is the current price).
 *
 * @param id the row id
 * @param service {@code sqs}, {@code lambda}, {@code bedrock} or {@code llm}
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param tier what is priced, e.g. {@code standard}, {@code x86_compute},
 * {@code claude_3_sonnet_input}
 * @param pricePerUnit USD per {@code unit}
 * @param unit e.g. {@code per_million_requests}, {@code per_gb_second},
 * {@code per_1k_tokens}
 * @param effectiveFrom when this price starts to apply
 * @param effectiveTo when a newer price replaced it, or {@code null}
 * @param isActive whether this is the current price
 * @param source where the figure comes from (page and date)
 * @param createdAt when the row was written
 */
public record Price(UUID id, String service, String region, String tier, BigDecimal pricePerUnit, String unit,
		Instant effectiveFrom, @Nullable Instant effectiveTo, boolean isActive, String source, Instant createdAt) {

	/** Whether this price was in force at the given moment. */
	public boolean appliesAt(Instant moment) {
		return !moment.isBefore(this.effectiveFrom) && (this.effectiveTo == null || moment.isBefore(this.effectiveTo));
	}

	/** Whether this price was in force at some moment of {@code [from, to)}. */
	public boolean overlaps(Instant from, Instant to) {
		return this.effectiveFrom.isBefore(to) && (this.effectiveTo == null || this.effectiveTo.isAfter(from));
	}

}
