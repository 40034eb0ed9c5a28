package io.costlens.devlens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.costlens.platform.Caches;
import io.costlens.platform.InvalidFields.Field;
import io.costlens.platform.InvalidFields;

/**
 * Imports GitHub pull requests and commits in ProdLens' table-row shapes: every row is
 * checked first (a bad one is named by its position and field, and nothing is stored),
 * then PRs are upserted by id and commits by sha in one transaction.
 */
@Service
class GithubImport {

	private static final Set<String> BODY = Set.of("repo", "pull_requests", "commits");

	private static final Set<String> PR_FIELDS = Set.of("id", "number", "title", "author", "state", "created_at",
			"merged_at", "updated_at", "reopened", "repo_slug");

	private static final Set<String> COMMIT_FIELDS = Set.of("sha", "author", "timestamp", "repo_slug");

	private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{4,64}");

	private final GithubRepository github;

	private final Caches caches;

	GithubImport(GithubRepository github, ObjectProvider<Caches> caches) {
		this.caches = caches.getIfAvailable(Caches::none);
		this.github = github;
	}

	@Transactional
	Imported importRows(JsonNode body) {
		List<Field> errors = new ArrayList<>();
		if (!body.isObject()) {
			throw new InvalidFields(List.of(new Field("body", "must be a JSON object")));
		}
		unknown(body, BODY, "", errors);
		String repo = text(body, "repo", "", errors, false);
		if (repo != null) {
			repo = slug("repo", repo, errors);
		}
		List<PullRequest> prs = new ArrayList<>();
		List<Commit> commits = new ArrayList<>();
		JsonNode prRows = list(body, "pull_requests", errors);
		for (int i = 0; i < prRows.size(); i++) {
			PullRequest pr = pullRequest(prRows.get(i), "pull_requests[" + i + "].", repo, errors);
			if (pr != null) {
				prs.add(pr);
			}
		}
		JsonNode commitRows = list(body, "commits", errors);
		for (int i = 0; i < commitRows.size(); i++) {
			Commit commit = commit(commitRows.get(i), "commits[" + i + "].", repo, errors);
			if (commit != null) {
				commits.add(commit);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
		this.github.upsertPullRequests(prs);
		this.github.upsertCommits(commits);
		this.caches.changed(Devlens.DATA);
		return new Imported(prs.size(), commits.size());
	}

	private static JsonNode list(JsonNode body, String name, List<Field> errors) {
		JsonNode rows = body.get(name);
		if (rows == null || rows.isNull()) {
			return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
		}
		if (!rows.isArray()) {
			errors.add(new Field(name, "must be a JSON array of rows"));
			return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
		}
		return rows;
	}

	private static @Nullable PullRequest pullRequest(JsonNode row, String at, @Nullable String repo,
			List<Field> errors) {
		if (!row.isObject()) {
			errors.add(new Field(at.substring(0, at.length() - 1), "must be an object"));
			return null;
		}
		int before = errors.size();
		unknown(row, PR_FIELDS, at, errors);
		Long id = whole(row, "id", at, errors, true, 1, Long.MAX_VALUE);
		Long number = whole(row, "number", at, errors, true, 1, Integer.MAX_VALUE);
		String title = text(row, "title", at, errors, false);
		String author = text(row, "author", at, errors, false);
		String state = text(row, "state", at, errors, true);
		if (state != null && !state.equals("open") && !state.equals("closed")) {
			errors.add(new Field(at + "state", "must be 'open' or 'closed', not '" + state + "'"));
		}
		Instant created = time(row, "created_at", at, errors, true);
		Instant merged = time(row, "merged_at", at, errors, false);
		Instant updated = time(row, "updated_at", at, errors, false);
		if (created != null && merged != null && merged.isBefore(created)) {
			errors.add(new Field(at + "merged_at", "is before created_at"));
		}
		if (merged != null && "open".equals(state)) {
			errors.add(new Field(at + "merged_at", "is set on an open pull request"));
		}
		boolean reopened = flag(row, "reopened", at, errors);
		String rowRepo = rowRepo(row, at, repo, errors);
		if (title != null && title.length() > 1000) {
			errors.add(new Field(at + "title", "is longer than 1000 characters"));
		}
		if (errors.size() > before) {
			return null;
		}
		return new PullRequest(id, number.intValue(), title, author, state, created, merged, updated, reopened,
				rowRepo);
	}

	private static @Nullable Commit commit(JsonNode row, String at, @Nullable String repo, List<Field> errors) {
		if (!row.isObject()) {
			errors.add(new Field(at.substring(0, at.length() - 1), "must be an object"));
			return null;
		}
		int before = errors.size();
		unknown(row, COMMIT_FIELDS, at, errors);
		String sha = text(row, "sha", at, errors, true);
		if (sha != null && !SHA.matcher(sha).matches()) {
			errors.add(new Field(at + "sha", "must be 4 to 64 hexadecimal digits"));
		}
		String author = text(row, "author", at, errors, false);
		Instant timestamp = time(row, "timestamp", at, errors, true);
		String rowRepo = rowRepo(row, at, repo, errors);
		if (errors.size() > before) {
			return null;
		}
		return new Commit(sha.toLowerCase(Locale.ROOT), author, timestamp, rowRepo);
	}

	private static @Nullable String rowRepo(JsonNode row, String at, @Nullable String repo, List<Field> errors) {
		String own = text(row, "repo_slug", at, errors, false);
		if (own == null) {
			if (repo == null) {
				errors.add(new Field(at + "repo_slug", "is required when the body names no repo"));
			}
			return repo;
		}
		own = slug(at + "repo_slug", own, errors);
		if (repo != null && !repo.equals(own)) {
			errors.add(new Field(at + "repo_slug", "'" + own + "' differs from the body's repo '" + repo + "'"));
		}
		return own;
	}

	private static String slug(String field, String value, List<Field> errors) {
		try {
			return TraceNormalizer.checkSlug(value);
		}
		catch (RejectedTrace ex) {
			errors.add(new Field(field, ex.getMessage()));
			return value;
		}
	}

	private static void unknown(JsonNode row, Set<String> known, String at, List<Field> errors) {
		for (String name : row.propertyNames()) {
			if (!known.contains(name)) {
				errors.add(new Field(at + name, "is not a known field"));
			}
		}
	}

	private static @Nullable String text(JsonNode row, String name, String at, List<Field> errors, boolean required) {
		JsonNode value = row.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				errors.add(new Field(at + name, "is required"));
			}
			return null;
		}
		if (!value.isString()) {
			errors.add(new Field(at + name, "must be a string"));
			return null;
		}
		String text = value.asString();
		if (text.length() > TraceNormalizer.MAX_TEXT && !name.equals("title")) {
			errors.add(new Field(at + name, "is longer than " + TraceNormalizer.MAX_TEXT + " characters"));
		}
		return text;
	}

	private static @Nullable Long whole(JsonNode row, String name, String at, List<Field> errors, boolean required,
			long min, long max) {
		JsonNode value = row.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				errors.add(new Field(at + name, "is required"));
			}
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
				|| value.longValue() > max) {
			errors.add(new Field(at + name, "must be a whole number from " + min + " to " + max));
			return null;
		}
		return value.longValue();
	}

	private static @Nullable Instant time(JsonNode row, String name, String at, List<Field> errors, boolean required) {
		String text = text(row, name, at, errors, required);
		if (text == null) {
			return null;
		}
		try {
			return TraceNormalizer.parseTime(at + name, text);
		}
		catch (RejectedTrace ex) {
			errors.add(new Field(at + name, "'" + text + "' is not an ISO-8601 time"));
			return null;
		}
	}

	private static boolean flag(JsonNode row, String name, String at, List<Field> errors) {
		JsonNode value = row.get(name);
		if (value == null || value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
			return value.intValue() == 1;
		}
		errors.add(new Field(at + name, "must be true or false"));
		return false;
	}

	/**
	 * A pull request row.
	 *
	 * @param id GitHub's id
	 * @param number its number in the repository
	 * @param title its title
	 * @param author the author's login
	 * @param state {@code open} or {@code closed}
	 * @param createdAt when it was opened
	 * @param mergedAt when it was merged, if it was
	 * @param updatedAt when it last changed
	 * @param reopened whether it was ever reopened
	 * @param repoSlug its repository
	 */
	record PullRequest(long id, int number, @Nullable @Size(max = 1000) String title,
			@Nullable @Size(max = TraceNormalizer.MAX_TEXT) String author, @Size(max = 6) String state,
			Instant createdAt, @Nullable Instant mergedAt, @Nullable Instant updatedAt, boolean reopened,
			@Size(max = TraceNormalizer.MAX_TEXT) String repoSlug) {
	}

	/**
	 * A commit row.
	 *
	 * @param sha its sha
	 * @param author its author
	 * @param timestamp when it was authored
	 * @param repoSlug its repository
	 */
	record Commit(String sha, @Nullable String author, Instant timestamp, String repoSlug) {
	}

	/**
	 * What an import stored.
	 *
	 * @param pullRequests pull requests inserted or updated
	 * @param commits commits inserted or updated
	 */
	record Imported(int pullRequests, int commits) {
	}

}
