package io.github.assistantsplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What browsers and the original API's clients get at the gateway: trailing slashes routed and
 * proxied as without them, CORS for the configured origin answered here. Each service is a plain
 * HTTP server that answers with its name, the method, the path and the body's length it received.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {GatewayApplication.CONFIG_NAME, "assistants.gateway.cors.allowed-origins=http://localhost:5173"})
class ClientEdgeTest {

    private static final String ORIGIN = "http://localhost:5173";
    private static final AtomicInteger PROXIED = new AtomicInteger();
    private static final List<HttpServer> SERVICES = List.of(service("command"), service("query"), service("avatar"));

    private static HttpServer service(String name) {
        return StubService.start((method, path, body) -> {
            PROXIED.incrementAndGet();
            return name + " " + method + " " + path + " " + body.length;
        });
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("assistants.services.command", () -> StubService.url(SERVICES.get(0)));
        registry.add("assistants.services.query", () -> StubService.url(SERVICES.get(1)));
        registry.add("assistants.services.avatar", () -> StubService.url(SERVICES.get(2)));
    }

    @AfterAll
    static void stopServices() {
        SERVICES.forEach(service -> service.stop(0));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/assistants/, query GET /api/v1/assistants 0",
        "GET, /api/v1/assistants/a1/, query GET /api/v1/assistants/a1 0",
        "PUT, /api/v1/assistants/a1/, command PUT /api/v1/assistants/a1 12",
        "POST, /api/v1/assistants/, command POST /api/v1/assistants 12",
        "DELETE, /api/v1/assistants/a1/avatar/, avatar DELETE /api/v1/assistants/a1/avatar 0",
        "GET, /api/v1/assistants/a1/history//, query GET /api/v1/assistants/a1/history 0"
    })
    void aTrailingSlashIsRoutedAndProxiedAsWithoutIt(String method, String path, String reached) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        method.equals("PUT") || method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")
                                : HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(reached);
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredHereWithWhatTheBrowserMaySend() throws Exception {
        int proxiedBefore = PROXIED.get();

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/assistants/a1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(ORIGIN);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Methods")
                        .orElseThrow())
                .contains("PUT", "DELETE");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElseThrow()
                        .toLowerCase())
                .contains("authorization", "content-type", "if-match");
        assertThat(PROXIED.get()).as("not sent on to a service").isEqualTo(proxiedBefore);
    }

    @Test
    void anAnswerToTheAllowedOriginExposesTheHeadersTheApiDocuments() throws Exception {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(uri("/api/v1/assistants")).header("Origin", ORIGIN));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("ETag", "Location", "X-Total-Count", "X-Event-Position");
    }

    @Test
    void anotherOriginIsRefusedInTheErrorBody() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/assistants"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.body()).contains("\"code\":\"INSUFFICIENT_PRIVILEGES\"");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
