package io.costlens.devlens;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GithubImportIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	JdbcClient jdbc;

	private final String repo = "acme/" + UUID.randomUUID();

	private final long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;

	@Test
	void upsertsPullRequestsByIdAndCommitsBySha() {
		Response first = this.api.post("/api/github/import", body("open", "null", "Add feature")).send();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("pull_requests").asInt()).isEqualTo(1);
		assertThat(first.json().get("commits").asInt()).isEqualTo(1);

		Response again = this.api
			.post("/api/github/import", body("closed", "\"2024-01-01T20:00:00+00:00\"", "Add feature, merged"))
			.send();
		assertThat(again.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from devlens_pull_requests where repo_slug = :r")
			.param("r", this.repo)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select title from devlens_pull_requests where id = :id")
			.param("id", this.id)
			.query(String.class)
			.single()).isEqualTo("Add feature, merged");
		assertThat(this.jdbc.sql("select count(*) from devlens_commits where repo_slug = :r")
			.param("r", this.repo)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesBadRowsNamingRowAndFieldAndStoresNothing() {
		Response response = this.api
			.post("/api/github/import",
					"""
							{"repo": "%s",
							 "pull_requests": [
							   {"id": %d, "number": 1, "state": "closed", "created_at": "2024-01-01T10:00:00Z"},
							   {"id": %d, "number": 2, "state": "merged", "created_at": "yesterday", "colour": "red"}],
							 "commits": [{"sha": "xyz", "timestamp": "2024-01-01T10:00:00Z"}]}""".formatted(this.repo,
							this.id, this.id + 1))
			.send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("pull_requests[1].state", "pull_requests[1].created_at",
				"pull_requests[1].colour", "commits[0].sha");
		assertThat(response.body()).doesNotContain("pull_requests[0]");
		assertThat(this.jdbc.sql("select count(*) from devlens_pull_requests where repo_slug = :r")
			.param("r", this.repo)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void needsARepositoryForEveryRow() {
		Response response = this.api
			.post("/api/github/import", "{\"commits\": [{\"sha\": \"abcd\", \"timestamp\": \"2024-01-01T00:00:00Z\"}]}")
			.send();

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("commits[0].repo_slug");
	}

	private final String sha = UUID.randomUUID().toString().replace("-", "");

	private String body(String state, String mergedAt, String title) {
		return """
				{"repo": "%s",
				 "pull_requests": [{"id": %d, "number": 10, "title": "%s", "author": "dev-1", "state": "%s",
				   "created_at": "2024-01-01T10:00:00+00:00", "merged_at": %s,
				   "updated_at": "2024-01-01T20:00:00+00:00", "reopened": false}],
				 "commits": [{"sha": "%s", "author": "dev-1", "timestamp": "2024-01-02T11:00:00+00:00"}]}"""
			.formatted(this.repo, this.id, title, state, mergedAt, this.sha);
	}

}
