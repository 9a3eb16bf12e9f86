package io.github.assistantsplatform.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.Collection;
import java.util.HashSet;

public class UniqueElementsValidator implements ConstraintValidator<UniqueElements, Collection<?>> {
    @Override
    public boolean isValid(Collection<?> values, ConstraintValidatorContext context) {
        return values == null || new HashSet<>(values).size() == values.size();
    }
}
