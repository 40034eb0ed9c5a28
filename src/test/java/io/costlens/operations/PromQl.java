package io.costlens.operations;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression (or a Grafana query) reads. */
final class PromQl {

	/** Grafana's {@code label_values(metric, label)}: the label is no metric. */
	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");

	private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");

	private static final Pattern GROUPINGS = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");

	private static final Pattern RANGES = Pattern.compile("\\[[^\\[\\]]*]");

	private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String rest = LABEL_VALUES.matcher(expression).replaceAll("$1");
		rest = STRINGS.matcher(rest).replaceAll(" ");
		rest = MATCHERS.matcher(rest).replaceAll(" ");
		rest = GROUPINGS.matcher(rest).replaceAll(" ");
		rest = RANGES.matcher(rest).replaceAll(" ");
		rest = VARIABLES.matcher(rest).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			boolean function = identifier.group(2) != null;
			if (!function && !KEYWORDS.contains(identifier.group(1))) {
				names.add(identifier.group(1));
			}
		}
		return names;
	}

}
