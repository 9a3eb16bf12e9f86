package io.github.assistantsplatform.avatar.web;

import io.github.assistantsplatform.support.security.EndpointAccess;
import io.github.assistantsplatform.support.tracing.TraceContext;
import io.github.assistantsplatform.support.web.CommandServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AvatarWebConfiguration {

    /** Anyone may fetch an avatar (private ones are narrowed in the controller); upload and removal stay admin-only. */
    @Bean
    EndpointAccess avatarsAreReadable() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/assistants/*/avatar")
                .permitAll();
    }

    /** The avatar an assistant shows is recorded by command-service. */
    @Bean
    CommandServiceClient commandServiceClient(
            @Value("${assistants.command-service.url}") String url, JsonMapper json, TraceContext traces) {
        return new CommandServiceClient(url, json, traces);
    }
}
