package io.costlens.devlens;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.costlens.devlens.GithubImport.Commit;
import io.costlens.devlens.GithubImport.PullRequest;

import static io.costlens.devlens.Sql.utc;

/** Pull requests and commits. */
@Repository
class GithubRepository {

	private static final String PR_COLUMNS = "id, number, title, author, state, created_at, merged_at, updated_at, "
			+ "reopened, repo_slug";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	GithubRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void upsertPullRequests(List<PullRequest> prs) {
		this.batch.batchUpdate("""
				merge into devlens_pull_requests t
				using (values (cast(? as bigint), cast(? as integer), cast(? as varchar(1000)), cast(? as varchar(255)),
				               cast(? as varchar(16)), cast(? as timestamp with time zone),
				               cast(? as timestamp with time zone), cast(? as timestamp with time zone),
				               cast(? as boolean), cast(? as varchar(255))))
				      as s(id, number, title, author, state, created_at, merged_at, updated_at, reopened, repo_slug)
				on t.id = s.id
				when matched then update set number = s.number, title = s.title, author = s.author, state = s.state,
				     created_at = s.created_at, merged_at = s.merged_at, updated_at = s.updated_at,
				     reopened = s.reopened, repo_slug = s.repo_slug
				when not matched then insert (id, number, title, author, state, created_at, merged_at, updated_at,
				     reopened, repo_slug)
				     values (s.id, s.number, s.title, s.author, s.state, s.created_at, s.merged_at, s.updated_at,
				             s.reopened, s.repo_slug)""", prs, 500, (ps, pr) -> {
			ps.setLong(1, pr.id());
			ps.setInt(2, pr.number());
			ps.setString(3, pr.title());
			ps.setString(4, pr.author());
			ps.setString(5, pr.state());
			ps.setObject(6, utc(pr.createdAt()));
			ps.setObject(7, utc(pr.mergedAt()));
			ps.setObject(8, utc(pr.updatedAt()));
			ps.setBoolean(9, pr.reopened());
			ps.setString(10, pr.repoSlug());
		});
	}

	void upsertCommits(List<Commit> commits) {
		this.batch.batchUpdate("""
				merge into devlens_commits t
				using (values (cast(? as varchar(64)), cast(? as varchar(255)), cast(? as timestamp with time zone),
				               cast(? as varchar(255)))) as s(sha, author, committed_at, repo_slug)
				on t.sha = s.sha
				when matched then update set author = s.author, committed_at = s.committed_at, repo_slug = s.repo_slug
				when not matched then insert (sha, author, committed_at, repo_slug)
				     values (s.sha, s.author, s.committed_at, s.repo_slug)""", commits, 500, (ps, c) -> {
			ps.setString(1, c.sha());
			ps.setString(2, c.author());
			ps.setObject(3, utc(c.timestamp()));
			ps.setString(4, c.repoSlug());
		});
	}

	/**
	 * Pull requests created in {@code [from, to)}, optionally of one repository and
	 * author.
	 */
	List<PullRequest> pullRequests(@Nullable Instant from, @Nullable Instant to, @Nullable String repo,
			@Nullable String author) {
		StringBuilder sql = new StringBuilder("select " + PR_COLUMNS + " from devlens_pull_requests where 1 = 1");
		List<Object> args = new ArrayList<>();
		bounds(sql, args, "created_at", from, to, repo, author);
		sql.append(" order by created_at, id");
		return this.jdbc.sql(sql.toString()).params(args).query((rs, n) -> pullRequest(rs)).list();
	}

	/** Commits made in {@code [from, to)}, optionally of one repository and author. */
	List<Commit> commits(@Nullable Instant from, @Nullable Instant to, @Nullable String repo, @Nullable String author,
			int limit) {
		StringBuilder sql = new StringBuilder(
				"select sha, author, committed_at, repo_slug from devlens_commits where 1 = 1");
		List<Object> args = new ArrayList<>();
		bounds(sql, args, "committed_at", from, to, repo, author);
		sql.append(" order by committed_at, sha fetch first ").append(limit).append(" rows only");
		return this.jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new Commit(rs.getString("sha"), rs.getString("author"), Sql.instant(rs, "committed_at"),
					rs.getString("repo_slug")))
			.list();
	}

	/** Commits per UTC day in {@code [from, to)}, optionally of one repository. */
	List<DayCount> commitsPerDay(@Nullable Instant from, @Nullable Instant to, @Nullable String repo) {
		StringBuilder sql = new StringBuilder(
				"select cast(committed_at at time zone 'UTC' as date) as commit_day, count(*) as n from devlens_commits where 1 = 1");
		List<Object> args = new ArrayList<>();
		bounds(sql, args, "committed_at", from, to, repo, null);
		sql.append(" group by cast(committed_at at time zone 'UTC' as date) order by commit_day");
		return this.jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new DayCount(rs.getObject("commit_day", java.time.LocalDate.class), rs.getLong("n")))
			.list();
	}

	/**
	 * Pull requests merged per UTC day from {@code from}, optionally of one repository.
	 */
	List<DayCount> mergedPerDay(Instant from, @Nullable String repo) {
		StringBuilder sql = new StringBuilder(
				"select cast(merged_at at time zone 'UTC' as date) as merge_day, count(*) as n "
						+ "from devlens_pull_requests where merged_at is not null");
		List<Object> args = new ArrayList<>();
		bounds(sql, args, "merged_at", from, null, repo, null);
		sql.append(" group by cast(merged_at at time zone 'UTC' as date) order by merge_day");
		return this.jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new DayCount(rs.getObject("merge_day", java.time.LocalDate.class), rs.getLong("n")))
			.list();
	}

	private static void bounds(StringBuilder sql, List<Object> args, String column, @Nullable Instant from,
			@Nullable Instant to, @Nullable String repo, @Nullable String author) {
		if (from != null) {
			sql.append(" and ").append(column).append(" >= ?");
			args.add(utc(from));
		}
		if (to != null) {
			sql.append(" and ").append(column).append(" < ?");
			args.add(utc(to));
		}
		if (repo != null) {
			sql.append(" and repo_slug = ?");
			args.add(repo);
		}
		if (author != null) {
			sql.append(" and author = ?");
			args.add(author);
		}
	}

	private static PullRequest pullRequest(ResultSet rs) throws java.sql.SQLException {
		return new PullRequest(rs.getLong("id"), rs.getInt("number"), rs.getString("title"), rs.getString("author"),
				rs.getString("state"), Sql.instant(rs, "created_at"), Sql.instant(rs, "merged_at"),
				Sql.instant(rs, "updated_at"), rs.getBoolean("reopened"), rs.getString("repo_slug"));
	}

	/** A day and a count. */
	record DayCount(java.time.LocalDate day, long count) {
	}

}
