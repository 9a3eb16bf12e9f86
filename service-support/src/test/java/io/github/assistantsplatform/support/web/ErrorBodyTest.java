package io.github.assistantsplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.support.security.EndpointAccess;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/** The shared HTTP edge in a service of its own: every failure in the one error body, nothing internal. */
@SpringBootTest(
        classes = ErrorBodyTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "assistants.jwt.secret=" + TestTokens.SECRET)
class ErrorBodyTest {

    @SpringBootApplication
    @RestController
    static class Service {
        @GetMapping("/open/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail: password=hunter2");
        }

        @GetMapping("/open/busy")
        String busy() {
            throw new TooBusyException("Too many look-ups at once", java.time.Duration.ofSeconds(2));
        }

        @GetMapping("/open/ok")
        String ok() {
            return "ok";
        }

        @GetMapping("/admin/ok")
        String admin() {
            return "admin";
        }

        @Bean
        EndpointAccess openRoutes() {
            return routes -> routes.requestMatchers(HttpMethod.GET, "/open/**").permitAll();
        }
    }

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsMessage() {
        Response response = api.get("/open/boom", null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("code").asString()).isEqualTo("technical_error");
        assertThat(response.json().get("type").asString()).isEqualTo("TECHNICAL");
        assertThat(response.body()).doesNotContain("hunter2", "IllegalState", "at com.");
    }

    @Test
    void aServiceAtItsOwnLimitAnswers429WithRetryAfter() {
        Response response = api.get("/open/busy", null);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertThat(response.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
    }

    @Test
    void routesAreAdminOnlyUnlessOpened() {
        assertThat(api.get("/open/ok", null).status()).isEqualTo(200);
        assertThat(api.get("/admin/ok", null).status()).isEqualTo(401);
        assertThat(api.get("/admin/ok", TestTokens.user()).status()).isEqualTo(403);
        assertThat(api.get("/admin/ok", TestTokens.admin()).status()).isEqualTo(200);
    }

    @Test
    void aBadTokenIsRefusedEvenWhereGuestsAreWelcome() {
        Response response = api.get("/open/ok", TestTokens.expiredAdmin());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("authentication_failed");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnknownRouteIsANotFoundInTheErrorBody() {
        Response response = api.get("/open/nothing-here", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("id").asString()).isNotBlank();
    }

    @Test
    void requestIdsAreEchoedAndGeneratedWhenMissingOrMalformed() {
        Response given = api.send("GET", "/open/ok", null, null, Map.of("X-Request-Id", "abc-123"));
        Response malformed = api.send("GET", "/open/ok", null, null, Map.of("X-Request-Id", "bad id with spaces"));

        assertThat(given.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(given.header("X-Correlation-Id")).isEqualTo("abc-123");
        assertThat(malformed.header("X-Request-Id"))
                .isNotEqualTo("bad id with spaces")
                .hasSize(36);
    }

    @Test
    void theOpenApiDocumentIsPublic() {
        Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("paths").propertyNames()).contains("/open/ok");
        assertThat(docs.json().get("servers").get(0).get("url").asString())
                .as("relative, so right behind the gateway")
                .isEqualTo("/");
        assertThat(docs.json()
                        .get("components")
                        .get("securitySchemes")
                        .get("bearer-jwt")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(docs.json().get("security").get(0).has("bearer-jwt")).isTrue();
        JsonNode error = docs.json()
                .get("paths")
                .get("/open/ok")
                .get("get")
                .get("responses")
                .get("4XX");
        assertThat(error.get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ErrorResponse");
        assertThat(docs.json()
                        .get("components")
                        .get("schemas")
                        .get("ErrorResponse")
                        .get("properties")
                        .propertyNames())
                .contains("id", "code", "message", "type", "details");
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmins() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        Response metrics = api.get("/actuator/prometheus", TestTokens.admin());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
