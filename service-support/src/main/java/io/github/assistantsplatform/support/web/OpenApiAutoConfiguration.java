package io.github.assistantsplatform.support.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.assistantsplatform.api.error.ErrorResponse;
import io.github.assistantsplatform.model.PlatformJson;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * What every service's OpenAPI document says alike: fields named as the API names them (springdoc
 * describes models with its own Jackson 2 mapper, which knows nothing of the platform's names, so it
 * is given the same rule), the bearer JWT every protected route takes, a server URL relative to
 * wherever the document was fetched from (the gateway's, behind it, not the service's internal host),
 * and the one error body for every 4xx and 5xx.
 */
@AutoConfiguration
@ConditionalOnClass(ModelResolver.class)
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    ModelResolver platformModelNames() {
        return new ModelResolver(
                Json.mapper().copy().setPropertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                    @Override
                    public String translate(String propertyName) {
                        return propertyName == null ? null : PlatformJson.jsonName(propertyName);
                    }
                }));
    }

    @Bean
    OpenAPI platformOpenApi(@Value("${spring.application.name:assistants}") String service) {
        return new OpenAPI()
                .info(new Info().title(service).version("v1"))
                .servers(List.of(new Server().url("/").description("where this document was fetched from")))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .bearerFormat("JWT")
                                                .description(
                                                        "HS256 (or the issuer's JWKS) with claims sub, roles, exp; none for a guest")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer platformErrorResponses() {
        return api -> {
            ModelConverters.getInstance().readAll(ErrorResponse.class).forEach(api.getComponents()::addSchemas);
            ApiResponse error = new ApiResponse()
                    .description("the platform's error body (code, message, details)")
                    .content(new Content()
                            .addMediaType(
                                    "application/json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorResponse"))));
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        operation.getResponses().putIfAbsent("4XX", error);
                        operation.getResponses().putIfAbsent("5XX", error);
                    }));
        };
    }
}
