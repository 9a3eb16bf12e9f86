package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class ConcurrentUpdatesTest extends CommandServiceTest {

    private static ConfigurableApplicationContext replica;
    private static HttpApi otherReplica;

    @BeforeAll
    static void secondReplica() {
        replica = startReplica();
        otherReplica = new HttpApi(TestServices.portOf(replica));
    }

    @AfterAll
    static void stopSecondReplica() {
        replica.close();
    }

    @Test
    void concurrentUpdatesOnTwoReplicasAreEachAcknowledgedAndKeptOrRefused() throws Exception {
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Busy twice"))
                .json()
                .get("id")
                .asString();
        List<Callable<Response>> updates = IntStream.range(0, 16)
                .mapToObj(i -> (Callable<Response>) () -> (i % 2 == 0 ? api : otherReplica)
                        .put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("avatar_vertical_position", i + 1)))
                .toList();

        List<Response> responses = race(updates);

        List<Response> acknowledged =
                responses.stream().filter(response -> response.status() == 200).toList();
        assertThat(responses).extracting(Response::status).containsOnly(200, 412);
        assertThat(acknowledged)
                .extracting(response -> response.json().get("version").asLong())
                .as("each acknowledged update is an event of its own")
                .doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .isEqualTo(1 + acknowledged.size());
        // the last acknowledged update is what the assistant holds
        Response last = acknowledged.stream()
                .max(Comparator.comparingLong(
                        response -> response.json().get("version").asLong()))
                .orElseThrow();
        Response now = api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", "read back"));
        assertThat(now.json().get("avatar_vertical_position").asInt())
                .isEqualTo(last.json().get("avatar_vertical_position").asInt());
    }

    /** Each race five times, for a lost update would show only now and then. */
    static Stream<String> secondWriter() {
        return IntStream.range(0, 5).boxed().flatMap(run -> Stream.of("same replica", "other replica"));
    }

    @ParameterizedTest(name = "second writer on the {0}")
    @MethodSource("secondWriter")
    void ofTwoUpdatesBasedOnTheSameVersionExactlyOneWins(String secondWriter) throws Exception {
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Contested"))
                .json()
                .get("id")
                .asString();
        HttpApi bob = secondWriter.equals("other replica") ? otherReplica : api;

        List<Response> responses = race(List.of(
                () -> api.put(
                        "/api/v1/assistants/" + id,
                        TestTokens.admin(),
                        Map.of("name", "Alice's"),
                        Map.of("If-Match", "\"0\"")),
                () -> bob.put(
                        "/api/v1/assistants/" + id,
                        TestTokens.admin(),
                        Map.of("name", "Bob's"),
                        Map.of("If-Match", "\"0\""))));

        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 412);
        Response winner = responses.stream()
                .filter(response -> response.status() == 200)
                .findFirst()
                .orElseThrow();
        Response loser = responses.stream()
                .filter(response -> response.status() == 412)
                .findFirst()
                .orElseThrow();
        assertThat(loser.json().get("code").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(winner.json().get("version").asLong()).isEqualTo(1);
        assertThat(winner.header("ETag")).isEqualTo("\"1\"");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .isEqualTo(2);
    }

    @Test
    void concurrentUpdatesOfDifferentFieldsAreAllKept() throws Exception {
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Busy"))
                .json()
                .get("id")
                .asString();
        List<Callable<Response>> updates = IntStream.range(0, 16)
                .mapToObj(i -> (Callable<Response>) () -> api.put(
                        "/api/v1/assistants/" + id,
                        TestTokens.admin(),
                        Map.of("configuration", Map.of("tags", List.of("tag-" + i)), "avatar_vertical_position", i)))
                .toList();

        List<Response> responses = race(updates);

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(responses)
                .extracting(response -> response.json().get("version").asLong())
                .as("each update saw the one before it")
                .doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .isEqualTo(17);
    }

    @Test
    void anIfMatchThatNeverMatchedIsAConflict() {
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Tagged"))
                .json()
                .get("id")
                .asString();

        Response foreign = api.put(
                "/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "x"), Map.of("If-Match", "\"abc\""));
        Response any =
                api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "y"), Map.of("If-Match", "*"));

        assertThat(foreign.status()).isEqualTo(412);
        assertThat(any.status()).isEqualTo(200);
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = calls.stream()
                    .map(call -> pool.submit(() -> {
                        start.await();
                        return call.call();
                    }))
                    .toList();
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
