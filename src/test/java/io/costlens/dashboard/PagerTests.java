package io.costlens.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A pager's links keep the request's path and filters as sent, with another page. */
class PagerTests {

	@Test
	void keepsThePathAndFiltersAsSentAndReplacesEveryPageParameter() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/ui/developers/sessions");
		request.setQueryString("page=3&developer=dev%20007&page=4&pii&sort=cost");

		assertThat(Pager.link(request, 5))
			.isEqualTo("/app/ui/developers/sessions?developer=dev%20007&pii&sort=cost&page=5");
	}

	@Test
	void addsThePageToARequestWithoutAQuery() {
		assertThat(Pager.link(new MockHttpServletRequest("GET", "/ui/reports"), 2)).isEqualTo("/ui/reports?page=2");
	}

}
