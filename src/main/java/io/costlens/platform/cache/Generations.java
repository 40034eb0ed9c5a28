package io.costlens.platform.cache;

/**
 * The current generation of each data set: part of every cache key computed from it, so
 * moving it on makes every such entry a miss. A data set never seen before (or forgotten)
 * starts at a random generation, so an old entry can never match by accident.
 */
interface Generations {

	/** The data set's current generation. */
	String of(String dataSet);

	/** Moves the data set to a new generation. */
	void bump(String dataSet);

}
