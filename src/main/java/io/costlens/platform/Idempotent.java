package io.costlens.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write handler that honours an {@code Idempotency-Key} request header: the same
 * key (per caller) with the same request within {@code costlens.idempotency.ttl} answers
 * the first successful response again, marked {@code Idempotent-Replayed: true}, without
 * running the handler; the same key with another request is 422; a retry while the first
 * is still in flight is 409. Requests without the header are not affected.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

}
