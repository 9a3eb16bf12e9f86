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
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway in front of a plain HTTP server standing in for the services (it answers with the
 * length of the body it received), driven over raw sockets so
 * that bodies can be sent as slowly, chunked or incompletely as a client may.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            GatewayApplication.CONFIG_NAME,
            "assistants.gateway.body-timeout=2s",
            "assistants.gateway.max-body-size=100KB",
            "assistants.gateway.max-held-bodies=200KB"
        })
class WholeRequestBodiesTest {

    private static final HttpServer BACKEND =
            StubService.start((method, path, body) -> "received " + body.length + " bytes");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = StubService.url(BACKEND);
        registry.add("assistants.services.command", () -> url);
        registry.add("assistants.services.query", () -> url);
        registry.add("assistants.services.avatar", () -> url);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aChunkedBodyReachesTheServiceWhole() throws IOException {
        String answer = exchange("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("received 8 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() throws IOException {
        StringBuilder request =
                new StringBuilder("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        request.append("0\r\n\r\n");

        assertThat(exchange(request.toString())).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsA408() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 100\r\n\r\n{\"name\":")
                            .getBytes(StandardCharsets.US_ASCII));

            assertThat(read(socket.getInputStream())).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT");
        }
    }

    @Test
    void bodiesHeldBeyondTheirSharedBoundAre503() throws IOException {
        List<Socket> holding = new ArrayList<>();
        try {
            String answer = null;
            for (int i = 0; i < 4 && answer == null; i++) {
                Socket socket = new Socket("localhost", port);
                socket.setSoTimeout(300);
                holding.add(socket);
                // 90 KB of a declared 100 KB each: held until the rest comes (it never does)
                socket.getOutputStream()
                        .write(("POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: 102400\r\n\r\n" + "x".repeat(90 * 1024))
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                try {
                    answer = read(socket.getInputStream());
                } catch (java.net.SocketTimeoutException stillHeld) {
                    // this one is held, as it should be while there is room
                }
            }

            assertThat(holding).hasSize(3);
            assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 1");
        } finally {
            for (Socket socket : holding) {
                socket.close();
            }
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n = in.read(buffer);
        StringBuilder answer = new StringBuilder();
        while (n > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            if (answer.indexOf("\r\n\r\n") > 0 && in.available() == 0) {
                break;
            }
            n = in.read(buffer);
        }
        return answer.toString();
    }
}
