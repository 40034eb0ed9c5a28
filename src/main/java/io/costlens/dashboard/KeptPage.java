package io.costlens.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a dashboard page whose rendered HTML {@link PageCache} keeps, and names the data
 * sets it shows: a signed-in {@code GET} of it is answered from the kept page until one
 * of them (or the user, or their preferences) changes, the hour turns, or the entry ages
 * out. Only for pages whose every part comes from these data sets, the caller, the
 * language and the hour; never for a page that shows a one-time secret.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface KeptPage {

	/**
	 * The data sets the page shows, as named to
	 * {@link io.costlens.platform.Caches#changed}; {@code {name}} stands for the path
	 * variable {@code name} (a UUID as {@link java.util.UUID#toString} writes it).
	 */
	String[] value();

}
