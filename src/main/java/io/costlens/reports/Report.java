package io.costlens.reports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A requested report and where its generation stands.
 *
 * @param id the report id
 * @param scenarioId the scenario it reports on
 * @param requestedBy the user who asked for it
 * @param format PDF or CSV
 * @param sections what a PDF holds
 * @param granularity what a CSV row is: an hourly bucket or a log
 * @param status where the generation is
 * @param failure why it failed, when it did
 * @param sizeBytes the file's size once completed
 * @param fileName the name the download is offered under
 * @param createdAt when it was requested
 * @param startedAt when its generation started
 * @param completedAt when it completed or failed
 * @param expiresAt when it is deleted
 */
public record Report(UUID id, UUID scenarioId, UUID requestedBy, Format format, List<Section> sections,
		Granularity granularity, Status status, @Nullable String failure, @Nullable Long sizeBytes, String fileName,
		Instant createdAt, @Nullable Instant startedAt, @Nullable Instant completedAt, Instant expiresAt) {

	/** The file formats. */
	public enum Format {

		PDF("application/pdf"), CSV("text/csv; charset=UTF-8");

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		public String contentType() {
			return this.contentType;
		}

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The parts of a PDF report. */
	public enum Section {

		SUMMARY, COSTS, TIMESERIES, LOGS;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** What one CSV row is. */
	public enum Granularity {

		HOUR, LOG;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Where a generation stands. */
	public enum Status {

		QUEUED, RUNNING, COMPLETED, FAILED;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
