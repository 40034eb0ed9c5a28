package io.costlens.inspection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code message} of each line of the batch file both harnesses read (the NDJSON the
 * benchmark posts to {@code /ingest/batch}), so they inspect exactly what the server does.
 */
final class BatchMessages {

	private BatchMessages() {
	}

	static List<String> read(Path ndjson) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		return Files.readAllLines(ndjson)
			.stream()
			.filter((l) -> !l.isBlank())
			.map((l) -> json.readTree(l).get("message").asString())
			.toList();
	}

}
