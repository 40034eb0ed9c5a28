package io.costlens.dashboard;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import io.costlens.OwnH2Database;
import io.costlens.TestApi;
import io.costlens.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The empty pages' offer of the demo data, on a database of its own that starts empty:
 * only admins see the button and only their post loads it, once; a second press is
 * refused with the reason and loads nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo-pages" + OwnH2Database.OPTIONS, OwnH2Database.NO_SCHEMA,
				OwnH2Database.USER })
@Import({ TestApi.class, TestUsers.class })
class DemoPagesIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Test
	void letsOnlyAnAdminLoadTheDemoDataIntoTheEmptyInstallationOnce() {
		UiSession viewer = signedIn("viewer");
		UiSession member = signedIn("member");
		UiSession admin = signedIn("admin");
		String empty = admin.get("/ui/").body();
		assertThat(empty).contains("id=\"empty-overview\"").contains("id=\"load-demo\"");
		assertThat(admin.get("/ui/scenarios").body()).contains("id=\"load-demo\"");
		assertThat(viewer.get("/ui/").body()).doesNotContain("id=\"load-demo\"")
			.contains("an admin can load a month of sample data");
		assertThat(member.get("/ui/predictions").body()).doesNotContain("id=\"load-demo\"");

		assertThat(viewer.post("/ui/", "/ui/demo", Map.of()).statusCode()).isEqualTo(403);
		assertThat(member.post("/ui/", "/ui/demo", Map.of()).statusCode()).isEqualTo(403);
		assertThat(admin.postRaw("/ui/demo", Map.of()).statusCode()).as("without its CSRF token").isEqualTo(403);
		assertThat(scenarios()).as("refused posts load nothing").isZero();

		HttpResponse<String> loaded = admin.post("/ui/", "/ui/demo", Map.of());
		assertThat(UiSession.location(loaded).getPath()).isEqualTo("/ui/");
		String overview = admin.get("/ui/").body();
		assertThat(overview).contains("The demo data is loaded")
			.doesNotContain("id=\"empty-overview\"")
			.contains("id=\"module-providers\"");
		assertThat(scenarios()).isEqualTo(3);

		admin.post("/ui/scenarios", "/ui/demo", Map.of());
		assertThat(admin.get("/ui/").body()).contains("The demo data was not loaded: it goes only into an empty "
				+ "installation, and this one already holds scenarios");
		assertThat(scenarios()).as("loaded once").isEqualTo(3);
		assertThat(admin.get("/ui/scenarios?q=no-such-scenario").body()).contains("id=\"empty-scenarios\"")
			.as("no offer once there is data")
			.doesNotContain("id=\"load-demo\"");
	}

	private long scenarios() {
		return this.api.get("/api/v2/scenarios").send().json().get("total").asLong();
	}

	private UiSession signedIn(String role) {
		return UiSession.signedIn(this.api, this.users, role);
	}

}
