package com.example.assistants.command;

import com.example.assistants.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import java.util.Map;

class SmokeTest extends CommandServiceTest {
    @Test
    void walk() {
        var created = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Helper", "avatar_bg_color", "#112233"));
        System.out.println("CREATE " + created + " " + created.raw().headers().map());
        String id = created.json().get("id").asString();
        var updated = api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"description\": \"d\", \"configuration\": {\"temperature\": 1.2}}");
        System.out.println("UPDATE " + updated);
        var cleared = api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"description\": null}");
        System.out.println("CLEAR " + cleared);
        System.out.println("NULLNAME " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"name\": null}"));
        System.out.println("STALE " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"name\": \"x\"}", Map.of("If-Match", "\"0\"")));
        System.out.println("UNKNOWN " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"nme\": \"x\"}"));
        System.out.println("BADTYPE " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"top_k_retrieval\": \"x\"}"));
        System.out.println("BADMODEL " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"model\": \"gpt-5\"}"));
        System.out.println("RANGE " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"top_n_rerank\": 30, \"configuration\": {\"top_p\": 2}, \"description\": \"" + "a".repeat(1001) + "\"}"));
        System.out.println("CROSS " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"top_n_rerank\": 30}"));
        System.out.println("BADUUID " + api.put("/api/v1/assistants/xyz", TestTokens.admin(), "{}"));
        System.out.println("GUEST " + api.put("/api/v1/assistants/" + id, null, "{}"));
        System.out.println("USER " + api.put("/api/v1/assistants/" + id, TestTokens.user(), "{}"));
        System.out.println("NONE " + api.put("/api/v1/assistants/" + id, TestTokens.unsignedAdmin(), "{}"));
        System.out.println("MALFORMED " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"name\": "));
        System.out.println("DELETE " + api.delete("/api/v1/assistants/" + id, TestTokens.admin()));
        System.out.println("AFTER " + api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{}"));
        System.out.println("DEL2 " + api.delete("/api/v1/assistants/" + id, TestTokens.admin()));
        System.out.println("UNKNOWNID " + api.delete("/api/v1/assistants/" + java.util.UUID.randomUUID(), TestTokens.admin()));
        System.out.println("BIG " + api.post("/api/v1/assistants", TestTokens.admin(), "{\"name\": \"" + "a".repeat(1_100_000) + "\"}"));
        jdbc.queryForList("select global_index, aggregate_identifier, sequence_number, payload_type, convert_from(payload,'UTF8') p, convert_from(meta_data,'UTF8') m from domain_event_entry order by global_index")
            .forEach(r -> System.out.println("ROW " + r));
    }
}
