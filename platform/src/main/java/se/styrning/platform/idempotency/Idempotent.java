package se.styrning.platform.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a creating POST resource method that returns a {@code Response}: honours the {@code Idempotency-Key}
 * header. The first request with a key runs in one transaction with the stored answer; the same key and request
 * again replays that answer and creates nothing; the same key with another request is refused (422).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** Kept only for binding; no members are used. */
    @Nonbinding
    String value() default "";
}
