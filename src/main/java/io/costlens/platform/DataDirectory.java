package io.costlens.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folder where Costlens keeps local state: the quick-start database, generated
 * secrets and the first-start credentials. {@code ./data} unless
 * {@code COSTLENS_DATA_DIR} says otherwise.
 */
@Component
public class DataDirectory {

	private final Path path;

	DataDirectory(@Value("${costlens.data-dir:./data}") String dataDir) {
		this.path = Path.of(dataDir).toAbsolutePath().normalize();
	}

	/** The folder, created on first use. */
	public Path path() {
		try {
			return Files.createDirectories(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + this.path, ex);
		}
	}

	/** A file or folder inside the data folder. */
	public Path resolve(String name) {
		return path().resolve(name);
	}

}
