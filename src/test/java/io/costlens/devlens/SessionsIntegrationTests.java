package io.costlens.devlens;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SessionsIntegrationTests {

	@Autowired
	TestApi api;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String repo = "sess/" + this.tag;

	private final String dev = "dev-" + this.tag;

	@BeforeEach
	void importSessions() {
		StringBuilder body = new StringBuilder();
		body.append(trace("a", this.dev, "2025-03-01T10:00:00Z", "gpt-4o", 1000, 500, 1200)).append('\n');
		body.append(trace("b", this.dev, "2025-03-01T12:30:00Z", "claude-haiku-4-5", 200, 100, 300)).append('\n');
		body.append(trace("c", this.dev, "2025-03-02T09:00:00Z", "gpt-4o", 5000, 10, 900)).append('\n');
		body.append(trace("d", "other-" + this.tag, "2025-03-03T23:00:00Z", "mystery-model", 50, 50, 5000))
			.append('\n');
		assertThat(this.api.request("POST", "/api/traces", BodyPublishers.ofString(body.toString()))
			.header("Content-Type", "application/x-ndjson")
			.send()
			.json()
			.get("inserted")
			.asInt()).isEqualTo(4);
		String github = """
				{"repo": "%s",
				 "pull_requests": [
				   {"id": %d, "number": 7, "author": "%s", "state": "closed", "created_at": "2025-03-02T10:00:00Z",
				    "merged_at": "2025-03-02T12:00:00Z"},
				   {"id": %d, "number": 8, "author": "someone-else", "state": "open", "created_at": "2025-03-01T11:00:00Z"},
				   {"id": %d, "number": 9, "author": "%s", "state": "open", "created_at": "2025-03-10T10:00:00Z"}],
				 "commits": [
				   {"sha": "%s01", "author": "%s", "timestamp": "2025-03-01T11:00:00Z"},
				   {"sha": "%s02", "author": "someone-else", "timestamp": "2025-03-01T11:30:00Z"}]}"""
			.formatted(this.repo, id(1), this.dev, id(2), id(3), this.dev, hex(), this.dev, hex());
		assertThat(this.api.post("/api/github/import", github).send().status()).isEqualTo(200);
	}

	@Test
	void pagesInUpstreamsShape() {
		JsonNode page = list("repo=" + this.repo + "&page_size=3");

		assertThat(page.get("total_count").asLong()).isEqualTo(4);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("page_size").asInt()).isEqualTo(3);
		assertThat(page.get("has_more").asBoolean()).isTrue();
		assertThat(sessionIds(page)).containsExactly("d", "c", "b");
		JsonNode last = list("repo=" + this.repo + "&page_size=3&page=2");
		assertThat(sessionIds(last)).containsExactly("a");
		assertThat(last.get("has_more").asBoolean()).isFalse();
	}

	@Test
	void sortsByEveryColumnInBothOrders() {
		assertThat(sessionIds(list("repo=" + this.repo + "&sort_by=timestamp&sort_order=asc"))).containsExactly("a",
				"b", "c", "d");
		assertThat(sessionIds(list("repo=" + this.repo + "&sort_by=tokens&sort_order=desc"))).containsExactly("c", "a",
				"b", "d");
		assertThat(sessionIds(list("repo=" + this.repo + "&sort_by=latency&sort_order=asc"))).containsExactly("b", "c",
				"a", "d");
		// the unpriced session sorts last both ways
		assertThat(sessionIds(list("repo=" + this.repo + "&sort_by=cost&sort_order=desc"))).containsExactly("c", "a",
				"b", "d");
		assertThat(sessionIds(list("repo=" + this.repo + "&sort_by=cost&sort_order=asc"))).containsExactly("b", "a",
				"c", "d");
	}

	@Test
	void filtersByDeveloperModelAndTimeCountingPartialDays() {
		assertThat(list("repo=" + this.repo + "&developer_id=" + this.dev).get("total_count").asLong()).isEqualTo(3);
		assertThat(list("repo=" + this.repo + "&model=gpt-4o").get("total_count").asLong()).isEqualTo(2);
		JsonNode range = list("repo=" + this.repo + "&start=2025-03-01T11:00:00Z&end=2025-03-03T00:00:00Z");
		assertThat(range.get("total_count").asLong()).isEqualTo(2);
		assertThat(sessionIds(range)).containsExactly("c", "b");
		assertThat(list("repo=" + this.repo + "&start=2025-03-02&end=2025-03-03").get("total_count").asLong())
			.isEqualTo(2);
		assertThat(list("repo=" + this.repo + "&start=2025-03-01T11:00:00Z&end=2025-03-01T13:00:00Z").get("total_count")
			.asLong()).isEqualTo(1);
	}

	@Test
	void showsCostAsAStringAndUnpricedSessionsAsSuch() {
		JsonNode sessions = list("repo=" + this.repo + "&sort_by=timestamp&sort_order=asc").get("sessions");
		assertThat(sessions.get(0).get("cost_usd").isString()).isTrue();
		assertThat(sessions.get(0).get("cost_usd").asString()).isEqualTo("0.0075");
		assertThat(sessions.get(0).get("priced").asBoolean()).isTrue();
		assertThat(sessions.get(3).get("cost_usd").isNull()).isTrue();
		assertThat(sessions.get(3).get("priced").asBoolean()).isFalse();
	}

	@Test
	void relatesPullRequestsAndCommitsOfTheSameDeveloperAndRepoWithinTheWindow() {
		JsonNode detail = this.api.get("/api/sessions/a-" + this.tag).send().json();

		assertThat(detail.get("session_id").asString()).isEqualTo("a-" + this.tag);
		assertThat(detail.get("repo_slug").asString()).isEqualTo(this.repo);
		assertThat(detail.get("related_pr_number").asInt()).isEqualTo(7);
		assertThat(detail.get("related_pull_requests")).hasSize(1);
		assertThat(detail.get("related_commits")).hasSize(1);
		assertThat(detail.get("related_commits").get(0).asString()).endsWith("01");
		assertThat(detail.get("related_window_hours").asDouble()).isEqualTo(72.0);
		assertThat(this.api.get("/api/sessions/nope-" + this.tag).send().status()).isEqualTo(404);
	}

	@Test
	void profilesADeveloperFromTheRollups() {
		JsonNode profile = this.api.get("/api/profile?developer_id=" + this.dev).send().json();

		assertThat(profile.get("total_sessions").asLong()).isEqualTo(3);
		assertThat(profile.get("total_tokens_used").asLong()).isEqualTo(6810);
		assertThat(profile.get("avg_latency_ms").asDouble()).isEqualTo(800.0);
		assertThat(profile.get("most_used_models").get(0).get("value").asString()).isEqualTo("gpt-4o");
		assertThat(profile.get("most_used_models").get(0).get("count").asLong()).isEqualTo(2);
		assertThat(profile.get("active_repos").get(0).get("value").asString()).isEqualTo(this.repo);
		assertThat(profile.get("sessions_by_date").get("2025-03-01").asLong()).isEqualTo(2);
		assertThat(profile.get("unpriced_sessions").asLong()).isZero();
		assertThat(this.api.get("/api/profile?developer_id=ghost-" + this.tag).send().status()).isEqualTo(404);
		assertThat(this.api.get("/api/profile").send().status()).isEqualTo(422);
	}

	@Test
	void refusesBadParametersNamingThem() {
		for (String query : List.of("page_size=0", "page_size=101", "page=0", "sort_by=price", "sort_order=up",
				"start=yesterday", "start=2025-03-02&end=2025-03-01T00:00:00Z")) {
			Response response = this.api.get("/api/sessions?" + query).send();
			assertThat(response.status()).as(query).isEqualTo(422);
			String field = query.contains("&") ? "end" : query.substring(0, query.indexOf('='));
			assertThat(response.body()).as(query).contains(field);
		}
	}

	private JsonNode list(String query) {
		Response response = this.api.get("/api/sessions?" + query).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> sessionIds(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("sessions").forEach((s) -> ids.add(s.get("session_id").asString().replace("-" + this.tag, "")));
		return ids;
	}

	private String trace(String session, String developer, String at, String model, long in, long out, double latency) {
		return """
				{"timestamp": "%s", "usage": {"input_tokens": %d, "output_tokens": %d},
				 "attributes": {"llm.model_name": "%s", "latency_ms": %s, "status_code": 200},
				 "metadata": {"developer_id": "%s", "session_id": "%s-%s", "repo": "%s"}}"""
			.formatted(at, in, out, model, latency, developer, session, this.tag, this.repo)
			.replace("\n", "");
	}

	private long id(int n) {
		return Math.abs(this.tag.hashCode() % 100_000_000L) * 10 + n + 1_000_000_000L;
	}

	private String hex() {
		return this.tag.replaceAll("[^0-9a-f]", "a");
	}

}
