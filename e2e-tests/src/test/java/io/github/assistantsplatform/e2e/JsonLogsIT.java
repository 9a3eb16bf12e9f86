package io.github.assistantsplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.support.test.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ASSISTANTS_LOG_FORMAT=ecs} makes a service write one JSON object a line (here the gateway, which needs nothing else). */
class JsonLogsIT {

    @Test
    void aServiceStartedWithTheEcsFormatLogsJsonLines() throws Exception {
        Path repository = Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        ProcessBuilder gateway = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        repository.resolve("gateway/target/gateway-exec.jar").toString(),
                        "--server.port=0",
                        "--management.server.port=0")
                .redirectErrorStream(true);
        gateway.environment().put("ASSISTANTS_LOG_FORMAT", "ecs");
        Process process = gateway.start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null && lines.size() < 3; line = output.readLine()) {
                if (line.startsWith("{")) {
                    lines.add(HttpApi.JSON.readTree(line));
                }
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }

        assertThat(lines).hasSize(3).allSatisfy(line -> {
            assertThat(line.get("service").get("name").asString()).isEqualTo("gateway");
            assertThat(line.get("log").get("level").asString()).isNotBlank();
            assertThat(line.get("message").asString()).isNotBlank();
        });
    }
}
