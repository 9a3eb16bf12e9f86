package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Every write endpoint against every kind of caller: only a valid admin token gets through. */
class AuthorizationTest extends CommandServiceTest {

    enum Endpoint {
        CREATE,
        UPDATE,
        DELETE
    }

    static Stream<Arguments> callers() {
        Map<String, Supplier<String>> refusedCallers = new java.util.LinkedHashMap<>();
        refusedCallers.put("guest (no token)", () -> null);
        refusedCallers.put("expired admin token", TestTokens::expiredAdmin);
        refusedCallers.put("admin token signed with another key", TestTokens::adminSignedByStranger);
        refusedCallers.put("unsigned admin token (alg none)", TestTokens::unsignedAdmin);
        refusedCallers.put("malformed token", () -> "not.a.jwt");
        Stream<Arguments> unauthenticated = refusedCallers.entrySet().stream()
                .flatMap(caller -> Stream.of(Endpoint.values())
                        .map(endpoint -> Arguments.of(
                                endpoint, caller.getKey(), caller.getValue(), 401, "authentication_failed")));
        Stream<Arguments> forbidden = Stream.of(Endpoint.values())
                .flatMap(endpoint -> Stream.of(
                        Arguments.of(
                                endpoint, "user", (Supplier<String>) TestTokens::user, 403, "INSUFFICIENT_PRIVILEGES"),
                        Arguments.of(
                                endpoint,
                                "service",
                                (Supplier<String>) TestTokens::service,
                                403,
                                "INSUFFICIENT_PRIVILEGES")));
        return Stream.concat(unauthenticated, forbidden);
    }

    @ParameterizedTest(name = "{0} by {1}: {3}")
    @MethodSource("callers")
    void refusesWhoIsNotAnAdmin(Endpoint endpoint, String caller, Supplier<String> token, int status, String code) {
        String id = createAsAdmin();

        Response response = call(endpoint, id, token.get());

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "Jwt");
        assertThat(eventsOf(id)).as("nothing was recorded").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} by an admin")
    @org.junit.jupiter.params.provider.EnumSource(Endpoint.class)
    void admitsAnAdmin(Endpoint endpoint) {
        String id = createAsAdmin();

        Response response = call(endpoint, id, TestTokens.admin());

        assertThat(response.status()).as(response.toString()).isIn(200, 201, 204);
    }

    private Response call(Endpoint endpoint, String id, String token) {
        return switch (endpoint) {
            case CREATE -> api.post("/api/v1/assistants", token, Map.of("name", "Intruder"));
            case UPDATE -> api.put("/api/v1/assistants/" + id, token, Map.of("name", "Renamed"));
            case DELETE -> api.delete("/api/v1/assistants/" + id, token);
        };
    }

    private String createAsAdmin() {
        return api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Guarded " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
    }

    private long eventsOf(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }
}
