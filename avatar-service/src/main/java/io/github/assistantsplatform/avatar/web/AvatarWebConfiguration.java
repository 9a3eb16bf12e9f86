package io.github.assistantsplatform.avatar.web;

import io.github.assistantsplatform.support.security.EndpointAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class AvatarWebConfiguration {

    /** Anyone may fetch an avatar (private ones are narrowed in the controller); upload and removal stay admin-only. */
    @Bean
    EndpointAccess avatarsAreReadable() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/api/v1/assistants/*/avatar")
                .permitAll();
    }
}
