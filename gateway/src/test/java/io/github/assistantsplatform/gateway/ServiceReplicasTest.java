package io.github.assistantsplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The gateway in front of two replicas of each service (plain HTTP servers that answer with their
 * name): requests take the replicas in turn, a read goes on to the other replica when one is down,
 * a write only when its connection was refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = GatewayApplication.CONFIG_NAME)
class ServiceReplicasTest {

    private static final HttpServer ONE = StubService.start((method, path, body) -> "one");
    private static final HttpServer OTHER = StubService.start((method, path, body) -> "other");
    /** A command-service replica that takes each request and drops the connection without an answer. */
    private static final Dropper DROPPER = new Dropper();

    private static final HttpServer COMMANDS = StubService.start((method, path, body) -> "commands");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("assistants.services.query", () -> StubService.url(ONE) + ", " + StubService.url(OTHER));
        registry.add("assistants.services.avatar", () -> StubService.url(ONE) + "," + StubService.url(OTHER));
        registry.add(
                "assistants.services.command",
                () -> "http://localhost:" + DROPPER.socket.getLocalPort() + "," + StubService.url(COMMANDS));
    }

    @AfterAll
    static void stopReplicas() throws IOException {
        ONE.stop(0);
        COMMANDS.stop(0);
        DROPPER.socket.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsTakeTheReplicasInTurnAndReadsGoOnToTheOtherWhenOneIsDown() throws Exception {
        Map<String, Long> served = answers("GET", "/api/v1/assistants/1", 10).stream()
                .collect(Collectors.groupingBy(answer -> answer, Collectors.counting()));
        assertThat(served)
                .containsOnlyKeys("200 one", "200 other")
                .allSatisfy((replica, count) -> assertThat(count).isEqualTo(5));

        OTHER.stop(0);

        assertThat(answers("GET", "/api/v1/assistants/1", 10)).containsOnly("200 one");
    }

    @Test
    void aWriteIsNeverSentTwiceButAReadIs() throws Exception {
        int before = DROPPER.taken.get();
        List<String> writes = answers("POST", "/api/v1/assistants", 4);
        int dropped = DROPPER.taken.get() - before;

        // the replica that dropped a write's connection may have applied it: the caller decides whether to retry
        assertThat(writes)
                .filteredOn(answer -> answer.startsWith("503"))
                .hasSize(dropped)
                .isNotEmpty();
        assertThat(writes).filteredOn(answer -> !answer.startsWith("503")).containsOnly("200 commands");
        assertThat(answers("GET", "/openapi/command-service", 4)).containsOnly("200 commands");
    }

    private List<String> answers(String method, String path, int requests) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .method(
                                    method,
                                    method.equals("GET")
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.add(response.statusCode() + (response.statusCode() == 200 ? " " + response.body() : ""));
        }
        return answers;
    }

    private static final class Dropper {

        private final ServerSocket socket;
        private final AtomicInteger taken = new AtomicInteger();

        private Dropper() {
            try {
                socket = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket connection = socket.accept()) {
                                InputStream in = connection.getInputStream();
                                in.read(new byte[8192]);
                                taken.incrementAndGet();
                            } catch (IOException closed) {
                                // the socket closed at the end of the test, or the gateway gave up
                            }
                        }
                    },
                    "dropper");
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }
}
