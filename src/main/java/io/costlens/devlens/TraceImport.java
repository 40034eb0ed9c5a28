package io.costlens.devlens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.costlens.devlens.RejectedRepository.RejectedLine;
import io.costlens.platform.Caches;
import io.costlens.platform.GroupCommitter;
import io.costlens.platform.InvalidRequest;
import io.costlens.platform.JsonProblems;
import io.costlens.platform.Retention;
import io.costlens.platform.RetentionPolicy;
import io.costlens.pricing.Pricing;

/**
 * Imports traces from NDJSON/JSONL or a JSON array, read as a stream: each record is
 * normalised and priced, sessions go to the group committer in chunks (a few chunks in
 * flight at most, so a large import never sits in memory), and the lines that cannot be
 * used are kept with their reason while the others are stored.
 */
@Service
class TraceImport {

	private static final int IN_FLIGHT = 2;

	private final GroupCommitter<Session, Boolean> committer;

	private final RejectedRepository rejected;

	private final Pricing catalog;

	private final SessionFeed feed;

	private final TraceNormalizer normalizer;

	private final JsonMapper json;

	private final int chunk;

	private final RetentionPolicy retention;

	private final Map<Outcome, Counter> imported;

	private final Caches caches;

	/** What became of one trace record, as the import meter counts it. */
	private enum Outcome {

		INSERTED, UPDATED, REJECTED

	}

	TraceImport(GroupCommitter<Session, Boolean> committer, RejectedRepository rejected, Pricing catalog,
			SessionFeed feed, JsonMapper json, DevlensProperties properties, MeterRegistry meters,
			ObjectProvider<Caches> caches) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.imported = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			this.imported.put(outcome,
					Counter.builder("costlens.traces.imported")
						.description("Trace records imported: inserted (new session), updated or rejected")
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(meters));
		}
		this.committer = committer;
		this.rejected = rejected;
		this.catalog = catalog;
		this.feed = feed;
		this.json = json;
		this.normalizer = new TraceNormalizer(json);
		this.chunk = properties.importChunk();
		this.retention = properties.retention();
	}

	/**
	 * Imports every record of a body.
	 * @param body NDJSON (one record a line) or a JSON array of records
	 * @param defaultRepo the repository of records that name none
	 * @return how many sessions were new, how many updated, and the refused lines
	 */
	ImportResult importTraces(InputStream body, @Nullable String defaultRepo) {
		String repo = (defaultRepo != null) ? checkRepo(defaultRepo) : null;
		Run run = new Run(new LlmPrices(this.catalog.list(LlmPrices.SERVICE, LlmPrices.REGION, true)), repo);
		try (PushbackInputStream in = new PushbackInputStream(body, 1)) {
			int first = firstNonBlank(in);
			if (first == '[') {
				readArray(in, run);
			}
			else if (first != -1) {
				readLines(in, run);
			}
			run.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			// also when the body broke off: the chunks before it were committed, or are
			run.settle();
			this.caches.changed(Devlens.DATA);
			this.caches.changed(Devlens.SESSIONS);
		}
		this.imported.get(Outcome.INSERTED).increment(run.inserted);
		this.imported.get(Outcome.UPDATED).increment(run.updated);
		this.imported.get(Outcome.REJECTED).increment(run.refused.size());
		return new ImportResult(run.importId, run.inserted, run.updated, run.refused);
	}

	private static String checkRepo(String repo) {
		try {
			return TraceNormalizer.checkSlug(repo);
		}
		catch (RejectedTrace ex) {
			throw new InvalidRequest("repo: " + ex.getMessage());
		}
	}

	private static int firstNonBlank(PushbackInputStream in) throws IOException {
		int c;
		do {
			c = in.read();
		}
		while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
		if (c != -1) {
			in.unread(c);
		}
		return c;
	}

	private void readLines(InputStream in, Run run) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		int number = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode record;
			try {
				record = this.json.readTree(line);
			}
			catch (JacksonException ex) {
				run.reject(number, "not a JSON value: " + JsonProblems.describe(ex).message(), line);
				continue;
			}
			run.accept(number, record, line);
		}
	}

	private void readArray(InputStream in, Run run) {
		int position = 0;
		try (JsonParser parser = this.json.createParser(in)) {
			parser.nextToken();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				position++;
				if (parser.currentToken() == null) {
					run.reject(position, "the JSON array ends before its closing ']'", "");
					return;
				}
				JsonNode record = parser.readValueAsTree();
				run.accept(position, record, record.toString());
			}
		}
		catch (JacksonException ex) {
			run.reject(Math.max(position, 1),
					"malformed JSON array, the rest was not read: " + JsonProblems.describe(ex).message(), "");
		}
	}

	/** The state of one import. */
	private final class Run {

		final UUID importId = UUID.randomUUID();

		final LlmPrices prices;

		final @Nullable String repo;

		/** Sessions from before this time would be deleted at once by retention. */
		final @Nullable Instant oldest;

		final List<Refused> refused = new ArrayList<>();

		final List<RejectedLine> unsaved = new ArrayList<>();

		final Deque<Pending> inFlight = new ArrayDeque<>();

		List<Session> sessions = new ArrayList<>();

		long inserted;

		long updated;

		Run(LlmPrices prices, @Nullable String repo) {
			this.prices = prices;
			this.repo = repo;
			RetentionPolicy retention = TraceImport.this.retention;
			this.oldest = retention.deletesRows() ? Retention.cutoff(Instant.now(), retention.age()) : null;
		}

		void accept(int line, JsonNode record, String content) {
			CanonicalTrace trace;
			try {
				trace = TraceImport.this.normalizer.normalize(record, this.repo);
			}
			catch (RejectedTrace ex) {
				reject(line, ex.getMessage(), content);
				return;
			}
			if (this.oldest != null && trace.timestamp().isBefore(this.oldest)) {
				// a deleted session imported again would count twice in the kept roll-ups
				reject(line,
						"timestamp " + trace.timestamp() + " is older than the retention of sessions ("
								+ "costlens.devlens.retention.age = " + TraceImport.this.retention.age() + ")",
						content);
				return;
			}
			BigDecimal cost = this.prices.cost(trace.model(), trace.tokensIn(), trace.tokensOut(), trace.timestamp())
				.orElse(null);
			this.sessions.add(Session.of(trace, cost));
			if (this.sessions.size() >= TraceImport.this.chunk) {
				submit();
			}
		}

		void reject(int line, String reason, String content) {
			this.refused.add(new Refused(line, reason));
			this.unsaved.add(RejectedLine.of(this.importId, line, reason, content, Instant.now()));
			if (this.unsaved.size() >= 500) {
				saveRejected();
			}
		}

		void submit() {
			if (this.sessions.isEmpty()) {
				return;
			}
			List<Session> batch = this.sessions;
			this.sessions = new ArrayList<>();
			this.inFlight.add(new Pending(batch, TraceImport.this.committer.submitAll(batch)));
			while (this.inFlight.size() > IN_FLIGHT) {
				complete(this.inFlight.removeFirst());
			}
		}

		void finish() {
			submit();
			while (!this.inFlight.isEmpty()) {
				complete(this.inFlight.removeFirst());
			}
			saveRejected();
		}

		/** Waits for the chunks still being committed, whatever becomes of them. */
		void settle() {
			while (!this.inFlight.isEmpty()) {
				try {
					TraceImport.this.committer.await(this.inFlight.removeFirst().future());
				}
				catch (RuntimeException ex) {
					// the import fails with what broke it first
				}
			}
		}

		private void complete(Pending pending) {
			List<Boolean> results = TraceImport.this.committer.await(pending.future());
			for (boolean isNew : results) {
				if (isNew) {
					this.inserted++;
				}
				else {
					this.updated++;
				}
			}
			TraceImport.this.feed.publish(pending.sessions().stream().map(NewSession::of).toList());
		}

		private void saveRejected() {
			if (!this.unsaved.isEmpty()) {
				TraceImport.this.rejected.insertAll(List.copyOf(this.unsaved));
				this.unsaved.clear();
			}
		}

	}

	private record Pending(List<Session> sessions, CompletableFuture<List<Boolean>> future) {
	}

	/**
	 * A refused line as the response lists it.
	 *
	 * @param line its line number (NDJSON) or position (JSON array), from 1
	 * @param reason why it was refused
	 */
	record Refused(int line, String reason) {
	}

	/**
	 * What an import did.
	 *
	 * @param importId the import, to find its refused lines again
	 * @param inserted sessions that were new
	 * @param updated sessions that replaced one with the same trace hash
	 * @param rejected the refused lines
	 */
	record ImportResult(UUID importId, long inserted, long updated, List<Refused> rejected) {
	}

}
