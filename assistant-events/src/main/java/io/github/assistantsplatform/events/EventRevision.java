package io.github.assistantsplatform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's shape, stored with every event: raised with each change to the shape, so
 * that the event store's upcasters know which rows to bring up to date.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventRevision {
    String value();
}
