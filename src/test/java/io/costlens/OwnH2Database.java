package io.costlens;

/**
 * Properties that give a test context an H2 database of its own, whatever database the
 * build runs the other integration tests on: for tests of start-up behaviour that need an
 * empty or disposable database.
 */
public final class OwnH2Database {

	/**
	 * H2 settings of the quick start, with the PostgreSQL run's schema and user undone.
	 */
	public static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	public static final String NO_SCHEMA = "spring.flyway.schemas=";

	public static final String USER = "spring.datasource.username=sa";

	private OwnH2Database() {
	}

}
