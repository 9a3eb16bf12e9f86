package io.github.assistantsplatform.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.method;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One base URL for the whole contract: each route to the service that owns it. The gateway checks
 * no token itself; it passes {@code Authorization} (and every other header) through and each
 * service applies the same JWT rules. Routes are tried in the order below: the specific ones first.
 * The services' internal endpoints are not routed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiRoutes.Services.class)
class ApiRoutes {

    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);

    /** Where each service's replicas listen ({@code ASSISTANTS_*_SERVICE_URL}, comma-separated). */
    @ConfigurationProperties("assistants.services")
    record Services(ServiceReplicas command, ServiceReplicas query, ServiceReplicas avatar) {

        int replicas() {
            return command.urls().size() + query.urls().size() + avatar.urls().size();
        }
    }

    /** Binds a comma-separated URL list to the one {@link ServiceReplicas} that balances over it. */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, ServiceReplicas> replicaUrls() {
        return new Converter<String, ServiceReplicas>() {
            @Override
            public ServiceReplicas convert(String urls) {
                return new ServiceReplicas(urls);
            }
        };
    }

    @Bean
    RouterFunction<ServerResponse> routesToServices(Services services) {
        ServiceReplicas command = services.command();
        ServiceReplicas query = services.query();
        ServiceReplicas avatar = services.avatar();
        return notRouted(path("/api/v1/assistants/{id}/avatar-reference")
                        .or(path("/api/v1/assistants/{id}/cache-purges"))
                        .or(path("/api/v1/assistants/{id}/sequence")))
                .and(to("avatars", avatar, path("/api/v1/assistants/{id}/avatar")))
                .and(to(
                        "cache-lookup",
                        query,
                        path("/api/v1/assistants/{id}/cache/lookup").and(method(HttpMethod.POST))))
                .and(to(
                        "cache",
                        query,
                        path("/api/v1/assistants/{id}/cache")
                                .and(method(HttpMethod.PUT).or(method(HttpMethod.DELETE)))))
                .and(to("reads", query, assistants().and(method(HttpMethod.GET))))
                // the event store's own integrity is command-service's; the audit log is a read model
                .and(to(
                        "audit-store",
                        command,
                        path("/api/v1/admin/audit/verify")
                                .or(path("/api/v1/admin/audit/anchors"))
                                .or(path("/api/v1/admin/audit/export"))))
                .and(to("admin", query, path("/api/v1/admin/**")))
                .and(to("writes", command, assistants()))
                .and(openApi("command-service", command))
                .and(openApi("query-service", query))
                .and(openApi("avatar-service", avatar));
    }

    /**
     * Endpoints one service calls on another (avatar-service records an avatar and asks an assistant's
     * sequence, query-service a purge): reachable on the internal network only, never through the public URL.
     */
    private static RouterFunction<ServerResponse> notRouted(RequestPredicate internal) {
        return RouterFunctions.route(
                internal,
                request -> ServerResponse.status(ErrorCode.ENTITY_NOT_FOUND.status())
                        .body(ErrorResponse.of(
                                ErrorCode.ENTITY_NOT_FOUND, "No such resource: " + request.path(), null)));
    }

    /** Each service's OpenAPI document, for the Swagger UI this gateway serves at /swagger-ui.html. */
    private static RouterFunction<ServerResponse> openApi(String service, ServiceReplicas replicas) {
        return route("openapi-" + service)
                .route(path("/openapi/" + service).and(method(HttpMethod.GET)), http())
                .before(setPath("/v3/api-docs"))
                .filter(replicas.balance(ApiRoutes::unavailable))
                .build();
    }

    private static RequestPredicate assistants() {
        return path("/api/v1/assistants").or(path("/api/v1/assistants/**"));
    }

    private static RouterFunction<ServerResponse> to(String id, ServiceReplicas service, RequestPredicate predicate) {
        return route(id)
                .route(predicate, http())
                .filter(service.balance(ApiRoutes::unavailable))
                .build();
    }

    /** The service behind the route could not be reached: the platform's error body, not a stack trace. */
    private static ServerResponse unavailable(Throwable failure, ServerRequest request) {
        ErrorResponse body = ErrorResponse.of(
                ErrorCode.DEPENDENCY_UNAVAILABLE,
                "The service behind " + request.path() + " is unavailable; retry later",
                null);
        log.warn("Route to {} failed, error_id={}: {}", request.path(), body.id(), failure.toString());
        return ServerResponse.status(ErrorCode.DEPENDENCY_UNAVAILABLE.status()).body(body);
    }
}
