package io.github.assistantsplatform.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

import java.time.Duration;

/**
 * How the gateway talks to the services: a pool of kept-alive connections per service. The default
 * (the JDK client) started a thread for every proxied request body; under load that thread creation
 * was the gateway's largest single cost (in the write benchmark's profile).
 */
@Configuration(proxyBeanMethods = false)
class BackendConnections {

    /** @param connectionsPerService per replica of each service (a route of the pool is one replica's host and port) */
    @Bean
    ClientHttpRequestFactory backendRequestFactory(
            @Value("${assistants.gateway.connections-per-service}") int connectionsPerService,
            @Value("${assistants.gateway.backend-timeout}") Duration timeout,
            ApiRoutes.Services services) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(connectionsPerService)
                        .setMaxConnTotal(connectionsPerService * services.replicas()))
                // a proxy hands redirects to the caller; it never follows them itself
                .build(HttpClientSettings.defaults()
                        .withRedirects(HttpRedirects.DONT_FOLLOW)
                        .withTimeouts(Duration.ofSeconds(2), timeout));
    }
}
