package io.costlens.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard string is in both bundles, and every key the templates and pages use
 * exists: a key missing in English or Italian fails here, not in front of a user.
 */
class DashboardMessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-z0-9.\\-]*[a-z0-9])[(}]");

	private static final Pattern CODE_KEY = Pattern.compile("getMessage\\(\"([a-z][a-z0-9.\\-]*[a-z0-9])\",");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Set<String> english = load("dashboard/messages.properties").stringPropertyNames();
		Set<String> italian = load("dashboard/messages_it.properties").stringPropertyNames();
		assertThat(difference(english, italian)).as("keys missing in Italian").isEmpty();
		assertThat(difference(italian, english)).as("keys missing in English").isEmpty();
	}

	@Test
	void everyKeyTheTemplatesAndPagesUseExists() throws IOException {
		Set<String> english = load("dashboard/messages.properties").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		collect(Path.of("src/main/resources/templates/dashboard"), TEMPLATE_KEY, used);
		collect(Path.of("src/main/java/io/costlens/dashboard"), CODE_KEY, used);
		assertThat(used).as("keys in use").hasSizeGreaterThan(100);
		assertThat(difference(used, english)).as("keys used but not defined").isEmpty();
	}

	@Test
	void definesEveryKeyOnce() throws IOException {
		for (String bundle : new String[] { "dashboard/messages.properties", "dashboard/messages_it.properties" }) {
			Set<String> seen = new TreeSet<>();
			Set<String> twice = new TreeSet<>();
			try (InputStream in = DashboardMessagesTests.class.getClassLoader().getResourceAsStream(bundle)) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					int equals = line.indexOf('=');
					if (equals > 0 && !line.startsWith("#") && !seen.add(line.substring(0, equals))) {
						twice.add(line.substring(0, equals));
					}
				}
			}
			assertThat(twice).as("keys defined twice in " + bundle).isEmpty();
		}
	}

	@Test
	void apostrophesAreDoubledForMessageFormat() throws IOException {
		for (String bundle : new String[] { "dashboard/messages.properties", "dashboard/messages_it.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				assertThat(messages.getProperty(key).replace("''", "")).as(bundle + " " + key).doesNotContain("'");
			}
		}
	}

	private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					into.add(m.group(1));
				}
			}
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> missing = new TreeSet<>(a);
		missing.removeAll(b);
		return missing;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = DashboardMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
