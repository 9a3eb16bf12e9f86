package io.github.assistantsplatform.model;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Comparator;
import java.util.List;

/** The settings' field constraints, checked by the model itself so that every caller applies the same ones. */
final class SettingsRules {

    // messages with parameters only ({min}, {max}): no expression language on the class path
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private SettingsRules() {}

    static List<FieldViolation> violationsOf(Object settings) {
        return VALIDATOR.validate(settings).stream()
                .map(violation -> new FieldViolation(
                        JsonPaths.snakeCase(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
    }
}
