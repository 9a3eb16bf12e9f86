package io.github.assistantsplatform.support.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The routes a service opens beyond the default. Every route not opened here is admin-only, so a
 * new endpoint is safe until someone decides otherwise.
 */
@FunctionalInterface
public interface EndpointAccess {
    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes);
}
