package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The last valid and the first invalid value of every constraint, on create and on update. */
class ConstraintEdgesTest extends CommandServiceTest {

    static Stream<Arguments> edges() {
        return Stream.of(
                edge("name", "\"" + "n".repeat(255) + "\"", "\"" + "n".repeat(256) + "\""),
                edge("name", "\"n\"", "\"   \""),
                edge("description", "\"" + "d".repeat(1000) + "\"", "\"" + "d".repeat(1001) + "\""),
                edge("avatar_bg_color", "\"" + "c".repeat(50) + "\"", "\"" + "c".repeat(51) + "\""),
                edge("avatar_bg_color", "\"c\"", "\"\""),
                edge("avatar_text_color", "\"" + "c".repeat(50) + "\"", "\"" + "c".repeat(51) + "\""),
                edge("avatar_vertical_position", "0", "-1"),
                edge("avatar_vertical_position", "100", "101"),
                edge("instructions", "\"i\"", "\"\""),
                edge("instructions", "\"" + "i".repeat(50_000) + "\"", "\"" + "i".repeat(50_001) + "\""),
                edge("model", "\"gpt-4o-mini\"", "\"gpt-5\""),
                edge("rerank_provider", "\"" + "r".repeat(50) + "\"", "\"" + "r".repeat(51) + "\""),
                edge("top_k_retrieval", "5", "0"),
                edge("top_k_retrieval", "100", "101"),
                edge("top_n_rerank", "1", "0"),
                edge("retrieval_similarity_cutoff", "0", "-0.01"),
                edge("retrieval_similarity_cutoff", "1", "1.01"),
                edge("similarity_cutoff", "0", "-0.01"),
                edge("similarity_cutoff", "1", "1.01"),
                edge("cache_similarity_threshold", "0", "-0.01"),
                edge("cache_similarity_threshold", "1", "1.01"),
                edge("cache_ttl_seconds", "1", "0"),
                edge("use_reranker", "true", "\"yes\""),
                edge("configuration.temperature", "{\"temperature\": 0}", "{\"temperature\": -0.01}"),
                edge("configuration.temperature", "{\"temperature\": 2}", "{\"temperature\": 2.01}"),
                edge("configuration.top_p", "{\"top_p\": 0}", "{\"top_p\": -0.01}"),
                edge("configuration.top_p", "{\"top_p\": 1}", "{\"top_p\": 1.01}"),
                edge("configuration.presence_penalty", "{\"presence_penalty\": -2}", "{\"presence_penalty\": -2.01}"),
                edge("configuration.presence_penalty", "{\"presence_penalty\": 2}", "{\"presence_penalty\": 2.01}"),
                edge(
                        "configuration.frequency_penalty",
                        "{\"frequency_penalty\": -2}",
                        "{\"frequency_penalty\": -2.01}"),
                edge("configuration.frequency_penalty", "{\"frequency_penalty\": 2}", "{\"frequency_penalty\": 2.01}"),
                edge("configuration.max_output_tokens", "{\"max_output_tokens\": 1}", "{\"max_output_tokens\": 0}"),
                edge(
                        "configuration.max_output_tokens",
                        "{\"max_output_tokens\": 8192}",
                        "{\"max_output_tokens\": 8193}"),
                edge("configuration.tags", "{\"tags\": [\"a\"]}", "{\"tags\": \"a\"}"),
                edge("configuration.tags", "{\"tags\": " + tags(50) + "}", "{\"tags\": " + tags(51) + "}"),
                edge(
                        "configuration.tags[0]",
                        "{\"tags\": [\"" + "t".repeat(100) + "\"]}",
                        "{\"tags\": [\"" + "t".repeat(101) + "\"]}"),
                edge("linked_connector_ids", uuids(100), uuids(101)),
                edge("linked_connector_ids", uuids(2), duplicateUuids()),
                edge("linked_connector_ids[0]", "[\"" + UUID.randomUUID() + "\"]", "[\"not-a-uuid\"]"));
    }

    private static String tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"tag" + i + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @ParameterizedTest(name = "create: {0} = {1} is accepted, {2} is refused")
    @MethodSource("edges")
    void create(String field, String lastValid, String firstInvalid) {
        Response accepted = api.post("/api/v1/assistants", TestTokens.admin(), createBody(field, lastValid));
        Response refused = api.post("/api/v1/assistants", TestTokens.admin(), createBody(field, firstInvalid));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertRefused(refused, field);
    }

    @ParameterizedTest(name = "update: {0} = {1} is accepted, {2} is refused")
    @MethodSource("edges")
    void update(String field, String lastValid, String firstInvalid) {
        String id = api.post(
                        "/api/v1/assistants", TestTokens.admin(), "{\"name\": \"Edges\", \"top_k_retrieval\": 100}")
                .json()
                .get("id")
                .asString();

        Response refused = api.put("/api/v1/assistants/" + id, TestTokens.admin(), updateBody(field, firstInvalid));
        Response accepted = api.put("/api/v1/assistants/" + id, TestTokens.admin(), updateBody(field, lastValid));

        assertRefused(refused, field);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(eventsOf(id))
                .as("the refused update appended nothing")
                .isEqualTo(accepted.json().get("version").asLong() + 1);
    }

    @ParameterizedTest(name = "top_k_retrieval {0} with top_n_rerank {1}: {2}")
    @MethodSource("crossField")
    void topNRerankMayNotExceedTopKRetrieval(int topK, int topN, int status) {
        Response created = api.post(
                "/api/v1/assistants",
                TestTokens.admin(),
                "{\"name\": \"Cross\", \"top_k_retrieval\": " + topK + ", \"top_n_rerank\": " + topN + "}");

        assertThat(created.status()).as(created.toString()).isEqualTo(status);
    }

    static Stream<Arguments> crossField() {
        return Stream.of(Arguments.of(10, 10, 201), Arguments.of(10, 11, 422), Arguments.of(100, 50, 201));
    }

    private void assertRefused(Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        refused.json()
                .get("details")
                .forEach(detail -> fields.add(detail.get("field").asString()));
        assertThat(fields).containsExactly(field);
    }

    private long eventsOf(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
    }

    private static Arguments edge(String field, String lastValid, String firstInvalid) {
        return Arguments.of(field, lastValid, firstInvalid);
    }

    private static String createBody(String field, String value) {
        String top = topLevel(field);
        String name = top.equals("name") ? "" : "\"name\": \"Edges\", ";
        return "{" + name + "\"top_k_retrieval\": " + (top.equals("top_k_retrieval") ? value : "100") + ", "
                + (top.equals("top_k_retrieval") ? "\"top_n_rerank\": 1" : "\"" + top + "\": " + value) + "}";
    }

    private static String updateBody(String field, String value) {
        return "{\"" + topLevel(field) + "\": " + value + "}";
    }

    private static String topLevel(String field) {
        return field.replaceAll("[.\\[].*", "");
    }

    private static String uuids(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(list -> "[" + list + "]")
                .orElse("[]");
    }

    private static String duplicateUuids() {
        UUID id = UUID.randomUUID();
        return "[\"" + id + "\", \"" + id + "\"]";
    }
}
