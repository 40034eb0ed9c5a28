package io.costlens;

import java.io.IOException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Starts whole application instances in the test JVM, each on a random port, on the
 * database (and Redis) the build chose: for tests of several instances behaving as one.
 */
public final class Instances {

	private Instances() {
	}

	/**
	 * An instance named {@code node} (its db-scheduler name), with these extra
	 * {@code --name=value} arguments, and these configuration classes besides the
	 * application's.
	 */
	public static ConfigurableApplicationContext start(String node, String[] arguments, Class<?>... extra) {
		Class<?>[] sources = new Class<?>[extra.length + 1];
		sources[0] = CostlensApplication.class;
		System.arraycopy(extra, 0, sources, 1, extra.length);
		String[] all = new String[arguments.length + 3];
		all[0] = "--server.port=0";
		all[1] = "--db-scheduler.polling-interval=200ms";
		all[2] = "--db-scheduler.scheduler-name=" + node;
		System.arraycopy(arguments, 0, all, 3, arguments.length);
		return new SpringApplicationBuilder(sources)
			.initializers((context) -> context.getBeanFactory().registerSingleton("skipTestClasses", new SkipTests()))
			.run(all);
	}

	/** Keeps other tests' configuration classes out of these contexts. */
	static final class SkipTests extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getClassMetadata().getClassName().contains("Tests$");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SkipTests;
		}

		@Override
		public int hashCode() {
			return SkipTests.class.hashCode();
		}

	}

}
