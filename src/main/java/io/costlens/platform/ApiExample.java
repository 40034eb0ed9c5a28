package io.costlens.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A working example request for one API operation, published in {@code /openapi.json} (so
 * on {@code /docs}) as the request body's example and the parameters' examples. A test
 * sends every documented example and expects the documented status.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiExample {

	/** The request body as JSON, or empty for none. */
	String body() default "";

	/** Query, header or path parameter values as {@code name=value}. */
	String[] params() default {};

	/**
	 * The status the example gets, when it is not the operation's first success status
	 * (for example a made-up reset token that is answered 400).
	 */
	int status() default 0;

}
