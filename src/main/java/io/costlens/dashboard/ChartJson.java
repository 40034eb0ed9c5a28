package io.costlens.dashboard;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes a chart's data as JSON that is safe inside a page's {@code <script>} element.
 */
@Component
class ChartJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	String of(ChartData chart) {
		return JSON.writeValueAsString(chart).replace("<", "\\u003c");
	}

}
