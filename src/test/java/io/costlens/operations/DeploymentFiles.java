package io.costlens.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What the container, compose and Kubernetes files of the repository tell the service:
 * the HTTP paths they probe, the ports they expect it on and the environment variables
 * they give it. Read from the files as committed, so a test can hold them against the
 * service.
 */
final class DeploymentFiles {

	static final Path ROOT = Path.of("").toAbsolutePath();

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

	static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes/base");

	private static final Pattern LOCAL_URL = Pattern
		.compile("http://(?:127\\.0\\.0\\.1|localhost):(\\d+)(/[^\\s\"',\\]]*)");

	private static final Pattern ENV_NAME = Pattern.compile("([A-Z][A-Z0-9_]*)=");

	private DeploymentFiles() {
	}

	/** A probe: where it was found, and the path and port it calls. */
	record Probe(String source, String path, int port) {
	}

	/** An environment variable given to the service, and where. */
	record Variable(String source, String name) {
	}

	/** A port the service is expected to listen on, and where. */
	record Port(String source, int port) {
	}

	static List<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		for (String line : dockerfile()) {
			if (line.startsWith("HEALTHCHECK") || line.contains("CMD curl")) {
				probes.addAll(urls("Dockerfile HEALTHCHECK", line));
			}
		}
		probes.addAll(urls("docker-compose.yml healthcheck", String.valueOf(costlensService().get("healthcheck"))));
		Map<String, Object> container = container();
		Map<String, Integer> named = namedPorts(container);
		for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			Map<String, Object> httpGet = map(map(container.get(kind)).get("httpGet"));
			Object port = httpGet.get("port");
			int number = (port instanceof Integer n) ? n : named.getOrDefault(String.valueOf(port), -1);
			probes.add(new Probe("deployment.yaml " + kind, (String) httpGet.get("path"), number));
		}
		return probes;
	}

	static List<Port> ports() {
		List<Port> ports = new ArrayList<>();
		for (String line : dockerfile()) {
			if (line.startsWith("EXPOSE")) {
				ports.add(new Port("Dockerfile EXPOSE", Integer.parseInt(line.substring(6).trim())));
			}
		}
		for (Object mapping : list(costlensService().get("ports"))) {
			String[] parts = String.valueOf(mapping).split(":");
			ports.add(new Port("docker-compose.yml ports", Integer.parseInt(parts[parts.length - 1])));
		}
		namedPorts(container()).values().forEach((p) -> ports.add(new Port("deployment.yaml containerPort", p)));
		Map<String, Object> service = kubernetes("service.yaml").get(0);
		Map<String, Integer> named = namedPorts(container());
		for (Object entry : list(map(service.get("spec")).get("ports"))) {
			Object target = map(entry).get("targetPort");
			int number = (target instanceof Integer n) ? n : named.getOrDefault(String.valueOf(target), -1);
			ports.add(new Port("service.yaml targetPort", number));
		}
		for (Variable variable : variables()) {
			if (variable.name().equals("SERVER_PORT")) {
				ports.add(new Port(variable.source() + " SERVER_PORT", Integer.parseInt(value(variable))));
			}
		}
		return ports;
	}

	static List<Variable> variables() {
		List<Variable> variables = new ArrayList<>();
		boolean inEnv = false;
		for (String line : dockerfile()) {
			inEnv = line.startsWith("ENV") || (inEnv && !line.isEmpty() && Character.isWhitespace(line.charAt(0)));
			if (inEnv) {
				Matcher names = ENV_NAME.matcher(line);
				while (names.find()) {
					variables.add(new Variable("Dockerfile", names.group(1)));
				}
			}
		}
		map(costlensService().get("environment")).keySet()
			.forEach((name) -> variables.add(new Variable("docker-compose.yml", name)));
		map(kubernetes("configmap.yaml").get(0).get("data")).keySet()
			.forEach((name) -> variables.add(new Variable("configmap.yaml", name)));
		map(kubernetes("secret.template.yaml").get(0).get("stringData")).keySet()
			.forEach((name) -> variables.add(new Variable("secret.template.yaml", name)));
		for (Object entry : list(container().get("env"))) {
			variables.add(new Variable("deployment.yaml", (String) map(entry).get("name")));
		}
		return variables;
	}

	/** The keys of the Secret the Deployment reads ({@code secretKeyRef}). */
	static Set<String> secretKeysRead() {
		Set<String> keys = new LinkedHashSet<>();
		for (Object entry : list(container().get("env"))) {
			Map<String, Object> ref = map(map(map(entry).get("valueFrom")).get("secretKeyRef"));
			if (!ref.isEmpty()) {
				keys.add((String) ref.get("key"));
			}
		}
		return keys;
	}

	static Set<String> secretTemplateKeys() {
		return map(kubernetes("secret.template.yaml").get(0).get("stringData")).keySet();
	}

	private static String value(Variable variable) {
		return switch (variable.source()) {
			case "docker-compose.yml" -> String.valueOf(map(costlensService().get("environment")).get("SERVER_PORT"));
			case "configmap.yaml" ->
				String.valueOf(map(kubernetes("configmap.yaml").get(0).get("data")).get("SERVER_PORT"));
			default -> dockerfile().stream()
				.flatMap((line) -> Pattern.compile("SERVER_PORT=(\\d+)").matcher(line).results())
				.map((m) -> m.group(1))
				.findFirst()
				.orElseThrow();
		};
	}

	private static List<Probe> urls(String source, String text) {
		List<Probe> found = new ArrayList<>();
		Matcher url = LOCAL_URL.matcher(text);
		while (url.find()) {
			found.add(new Probe(source, url.group(2), Integer.parseInt(url.group(1))));
		}
		return found;
	}

	private static Map<String, Integer> namedPorts(Map<String, Object> container) {
		Map<String, Integer> named = new java.util.LinkedHashMap<>();
		for (Object port : list(container.get("ports"))) {
			named.put((String) map(port).get("name"), (Integer) map(port).get("containerPort"));
		}
		return named;
	}

	static Map<String, Object> costlensService() {
		return map(map(yaml(COMPOSE).get(0).get("services")).get("costlens"));
	}

	static Map<String, Object> container() {
		Map<String, Object> spec = map(
				map(map(kubernetes("deployment.yaml").get(0).get("spec")).get("template")).get("spec"));
		return map(list(spec.get("containers")).get(0));
	}

	static List<Map<String, Object>> kubernetes(String file) {
		return yaml(KUBERNETES.resolve(file));
	}

	static List<String> dockerfile() {
		try {
			return Files.readAllLines(DOCKERFILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yaml(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			for (Object document : new Yaml().loadAll(in)) {
				if (document != null) {
					documents.add((Map<String, Object>) document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
	}

	static List<Object> list(Object value) {
		return (value instanceof List<?> l) ? new ArrayList<>(l) : List.of();
	}

}
