package com.example.assistants.support.web;

import com.example.assistants.support.json.PlatformJson;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI documents name fields as the API does: springdoc describes models with its own
 * (Jackson 2) mapper, which knows nothing of the platform's names, so it is given the same rule.
 */
@AutoConfiguration
@ConditionalOnClass(ModelResolver.class)
public class OpenApiAutoConfiguration {

    @Bean
    ModelResolver platformModelNames() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
            @Override
            public String translate(String propertyName) {
                return propertyName == null ? null : PlatformJson.jsonName(propertyName);
            }
        }));
    }
}
