package io.costlens.dashboard;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.costlens.IntegrationTest;
import io.costlens.TestApi;
import io.costlens.TestUsers;
import io.costlens.predictions.NewPrediction;
import io.costlens.predictions.Prediction;
import io.costlens.predictions.Predictions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model's page keeps its rendered content until the predictions move on: a logged or
 * deleted prediction shows on the next view.
 */
@IntegrationTest
class PredictionPagesIntegrationTests {

	@Autowired
	TestApi api;

	@Autowired
	TestUsers users;

	@Autowired
	Predictions predictions;

	private final String name = "page-model-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void showsALoggedOrDeletedPredictionOnTheNextView() {
		UiSession session = UiSession.signedIn(this.api, this.users, "viewer");
		this.predictions.log(new NewPrediction(this.name, 40, true, null));
		assertThat(tiles(session.get(page()).body())).contains(">1<");

		Prediction second = this.predictions.log(new NewPrediction(this.name, 60, false, null));
		assertThat(tiles(session.get(page()).body())).as("a prediction logged after the first view").contains(">2<");

		this.predictions.delete(second.id(), "test", null);
		assertThat(tiles(session.get(page()).body())).as("a prediction deleted after the second view").contains(">1<");
	}

	private String page() {
		return "/ui/predictions/" + this.name + "?period=24h";
	}

	private static String tiles(String page) {
		int at = page.indexOf("class=\"tiles\"");
		assertThat(at).isNotNegative();
		return page.substring(at, page.indexOf("class=\"big\"", page.indexOf("class=\"big\"", at) + 1));
	}

}
