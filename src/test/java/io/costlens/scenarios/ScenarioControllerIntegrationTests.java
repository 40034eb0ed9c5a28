package io.costlens.scenarios;

import java.util.UUID;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP mapping of the scenario endpoints on their own: validation and the
 * problem+json answers for domain failures, with the application service played by a mock
 * (the security filters are another test's subject).
 */
@WebMvcTest(controllers = ScenarioController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class))
@AutoConfigureMockMvc(addFilters = false)
class ScenarioControllerIntegrationTests {

	private static final UUID ID = UUID.fromString("5b0c6a52-9d57-4a43-8e43-4f6cbe2a9d10");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Scenarios scenarios;

	@Test
	void namesEveryInvalidFieldInSnakeCaseAndCallsNothing() {
		var response = this.mvc.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"lambda_memory_mb\":64,\"output_tokens_ratio\":-1}")
			.exchange();

		assertThat(response).hasStatus(422)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsOnly("name", "lambda_memory_mb", "output_tokens_ratio");
		assertThat(response).bodyJson().extractingPath("$.error").isEqualTo("validation_error");
		verifyNoInteractions(this.scenarios);
	}

	@Test
	void asksForANameOnCreate() {
		var response = this.mvc.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.exchange();

		assertThat(response).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
		verifyNoInteractions(this.scenarios);
	}

	@Test
	void answersAnUnknownScenarioWithNotFound() {
		given(this.scenarios.get(ID)).willThrow(new ScenarioNotFound(ID));

		var response = this.mvc.get().uri("/api/v1/scenarios/" + ID).exchange();

		assertThat(response).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("not_found");
		assertThat(response).bodyJson().extractingPath("$.message").isEqualTo("Scenario " + ID + " not found");
	}

	@Test
	void answersAnIllegalMoveWithConflictNamingBothStates() {
		given(this.scenarios.archive(ID))
			.willThrow(new IllegalScenarioTransition(ID, ScenarioStatus.DRAFT, ScenarioStatus.ARCHIVED));

		var response = this.mvc.post().uri("/api/v1/scenarios/" + ID + "/archive").exchange();

		assertThat(response).hasStatus(409)
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Scenario " + ID + " cannot go from draft to archived");
	}

	@Test
	void refusesAPageSizeAboveOneHundredAndAnUnknownStatus() {
		assertThat(this.mvc.get().uri("/api/v1/scenarios?page_size=101")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("validation_error");
		assertThat(this.mvc.get().uri("/api/v1/scenarios?status=sleeping")).hasStatus(400);
		verifyNoInteractions(this.scenarios);
	}

	@Test
	void answersMalformedJsonWithAProblemNotAStackTrace() {
		var response = this.mvc.post()
			.uri("/api/v1/scenarios")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":")
			.exchange();

		assertThat(response).hasStatus(422).bodyJson().extractingPath("$.error").isEqualTo("validation_error");
		assertThat(response).bodyText().doesNotContain("Exception").doesNotContain("jackson");
	}

}
