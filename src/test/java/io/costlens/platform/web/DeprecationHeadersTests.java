package io.costlens.platform.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DeprecationHeadersTests {

	private final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());

	@Test
	void keepsV1WorkingAfterItsSunsetByDefault() throws Exception {
		MockHttpServletResponse response = call(
				new ApiProperties(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-06-30"), true),
				"/api/v1/scenarios");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Sunset")).isEqualTo("Tue, 30 Jun 2020 23:59:59 GMT");
		assertThat(response.getHeader("Deprecation")).isEqualTo("@1577836800");
	}

	@Test
	void answersGoneAfterTheSunsetWhenTheOperatorTurnsV1Off() throws Exception {
		ApiProperties off = new ApiProperties(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-06-30"), false);

		MockHttpServletResponse v1 = call(off, "/api/v1/scenarios");
		MockHttpServletResponse v2 = call(off, "/api/v2/scenarios");

		assertThat(v1.getStatus()).isEqualTo(410);
		assertThat(v1.getContentAsString()).contains("\"error\":\"gone\"").contains("/api/v2/");
		assertThat(v2.getStatus()).isEqualTo(200);
		assertThat(v2.getHeader("Sunset")).isNull();
	}

	@Test
	void keepsV1OnBeforeItsSunsetEvenWhenTurnedOff() throws Exception {
		ApiProperties off = new ApiProperties(LocalDate.parse("2020-01-01"), LocalDate.parse("2999-12-31"), false);

		assertThat(call(off, "/api/v1/scenarios").getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse call(ApiProperties properties, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new DeprecationHeaders(properties, this.problems).doFilter(request, response, new MockFilterChain());
		return response;
	}

}
