package io.costlens.platform;

/**
 * The database Costlens runs on.
 *
 * @param vendor the product name, e.g. {@code PostgreSQL} or {@code H2}
 * @param version the product version
 * @param location host and database, or the file of an embedded database
 * @param quickStart whether this is the embedded quick-start database
 */
public record DatabaseInfo(String vendor, String version, String location, boolean quickStart) {
}
