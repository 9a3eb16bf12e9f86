package io.github.assistantsplatform.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A collection without duplicates; null is valid. */
@Documented
@Constraint(validatedBy = UniqueElementsValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface UniqueElements {
    String message() default "must not contain duplicates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
