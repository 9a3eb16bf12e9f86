package io.github.assistantsplatform.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A plain HTTP server standing in for a service behind the gateway: 200 with what it makes of each request. */
final class StubService {

    @FunctionalInterface
    interface Answer {
        String to(String method, String path, byte[] body);
    }

    private StubService() {}

    static HttpServer start(Answer answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                byte[] text = answer.to(
                                exchange.getRequestMethod(),
                                exchange.getRequestURI().getPath(),
                                body)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, text.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(text);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(HttpServer server) {
        return "http://localhost:" + server.getAddress().getPort();
    }
}
