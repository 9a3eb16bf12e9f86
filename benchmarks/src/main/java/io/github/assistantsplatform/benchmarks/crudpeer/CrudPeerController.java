package io.github.assistantsplatform.benchmarks.crudpeer;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.SettingsJson;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@RestController
@RequestMapping("/benchmark/crud-peer/assistants")
class CrudPeerController {

    private final JdbcClient database;
    private final JsonMapper json;

    CrudPeerController(JdbcClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<AssistantResponse> create(@RequestBody JsonNode request) {
        AssistantSettings settings = SettingsJson.created(request);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AssistantResponse created = AssistantResponse.of(new AssistantState(id, settings, null, now, now, 0, false));
        database.sql("INSERT INTO crud_peer_assistants (id, body, version, created_at) VALUES (?, ?::jsonb, 0, ?)")
                .params(id, json.writeValueAsString(created), Timestamp.from(now))
                .update();
        return ResponseEntity.created(URI.create("/benchmark/crud-peer/assistants/" + id))
                .eTag("\"0\"")
                .body(created);
    }
}
