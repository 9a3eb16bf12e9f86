package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** A read that sends back a write's X-Event-Position is answered with that write applied, or 503 in time. */
class ReadYourWritesTest extends QueryServiceTest {

    private static final String ASSISTANTS = "/api/v1/assistants";

    @Test
    void aReadRightAfterAWriteThatSendsItsPositionBackSeesTheWrite() {
        for (int i = 0; i < 5; i++) {
            Response created = writes.post(ASSISTANTS, TestTokens.admin(), Map.of("name", "Read my write " + i));
            String id = created.json().get("id").asString();
            Response updated =
                    writes.put(ASSISTANTS + "/" + id, TestTokens.admin(), Map.of("description", "written " + i));

            Response read = reads.send(
                    "GET",
                    ASSISTANTS + "/" + id,
                    TestTokens.admin(),
                    null,
                    Map.of("X-Event-Position", updated.header("X-Event-Position")));
            Response listed = reads.send(
                    "GET",
                    ASSISTANTS + "?limit=1000",
                    TestTokens.admin(),
                    null,
                    Map.of("X-Event-Position", updated.header("X-Event-Position")));

            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("description").asString()).isEqualTo("written " + i);
            assertThat(listed.body()).contains("written " + i);
        }
    }

    @Test
    void aPositionNotYetWrittenIsA503WithRetryAfterOnceTheWaitIsOver() {
        Response created = writes.post(ASSISTANTS, TestTokens.admin(), Map.of("name", "From the future"));
        long position = Long.parseLong(created.header("X-Event-Position"));

        long started = System.nanoTime();
        Response read = reads.send(
                "GET", ASSISTANTS, null, null, Map.of("X-Event-Position", String.valueOf(position + 1_000_000)));

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.json().get("code").asString()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat((System.nanoTime() - started) / 1e9)
                .as("waited for it first")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPositionThatIsNotOneIsAValidationError() {
        Response read = reads.send("GET", ASSISTANTS, null, null, Map.of("X-Event-Position", "yesterday"));

        assertThat(read.status()).isEqualTo(422);
        assertThat(read.json().get("details").get(0).get("field").asString()).isEqualTo("X-Event-Position");
    }
}
