package io.github.assistantsplatform.command.benchmark;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command acknowledged to a consumer's receipt, one command at a time. Run with
 * {@code mvn -B -pl command-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=KafkaLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (size: -Dbenchmark.commands).
 */
@Tag("benchmark")
class KafkaLatencyBenchmark extends CommandServiceTest {

    @Test
    void commandToConsumer() throws Exception {
        int commands = Integer.getInteger("benchmark.commands", 1000);
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Kafka probe"))
                .json()
                .get("id")
                .asString();
        Map<Long, Long> received = new ConcurrentHashMap<>();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = TestKafka.consumer("assistants.events.v1")) {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (id.equals(record.key())) {
                            received.put(
                                    HttpApi.JSON
                                            .readTree(record.value())
                                            .get("sequence")
                                            .asLong(),
                                    System.nanoTime());
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                // benchmark over
            }
        });
        consumerThread.start();
        while (!received.containsKey(0L)) {
            Thread.sleep(10);
        }
        Histogram latency = new Histogram(3);
        for (int i = 1; i <= 50 + commands; i++) {
            long version = api.put(
                            "/api/v1/assistants/" + id,
                            TestTokens.admin(),
                            Map.of("avatar_vertical_position", i % 101, "description", "update " + i))
                    .json()
                    .get("version")
                    .asLong();
            long acknowledged = System.nanoTime();
            while (!received.containsKey(version)) {
                Thread.onSpinWait();
            }
            if (i > 50) {
                latency.recordValue(Math.max(0, received.get(version) - acknowledged) / 1_000);
            }
        }
        consumerThread.interrupt();
        System.out.printf(
                "%nBENCHMARK command acknowledged to Kafka consumer receipt over %d commands: p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                commands,
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }
}
