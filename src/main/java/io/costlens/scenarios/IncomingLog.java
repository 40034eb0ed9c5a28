package io.costlens.scenarios;

/**
 * One message to ingest.
 *
 * @param message the message, at most 1 MiB
 * @param source where it comes from
 */
record IncomingLog(String message, String source) {

}
