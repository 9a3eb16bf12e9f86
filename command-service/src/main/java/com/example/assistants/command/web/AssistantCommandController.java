package com.example.assistants.command.web;

import com.example.assistants.api.assistant.AssistantCreate;
import com.example.assistants.api.assistant.AssistantResponse;
import com.example.assistants.api.assistant.AssistantUpdate;
import com.example.assistants.api.assistant.Avatar;
import com.example.assistants.api.cache.CachePurgeResult;
import com.example.assistants.api.command.RemoveAvatar;
import com.example.assistants.api.command.SetAvatar;
import com.example.assistants.api.command.CreateAssistant;
import com.example.assistants.api.command.RecordSemanticCachePurge;
import com.example.assistants.api.command.DeleteAssistant;
import com.example.assistants.api.command.UpdateAssistant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.UUID;

/** The write API: translates HTTP into assistant commands and their results back into HTTP. */
@RestController
@RequestMapping("/api/v1/assistants")
class AssistantCommandController {

    private final AssistantCommands commands;
    private final AssistantRequestReader requests;

    AssistantCommandController(AssistantCommands commands, AssistantRequestReader requests) {
        this.commands = commands;
        this.requests = requests;
    }

    @PostMapping({"", "/"})
    ResponseEntity<AssistantResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = AssistantCreate.class))) @RequestBody JsonNode body) {
        UUID id = UUID.randomUUID();
        AssistantResponse created = commands.send(new CreateAssistant(id, requests.create(body).toSettings()));
        return ResponseEntity.created(URI.create("/api/v1/assistants/" + id))
                .eTag(EntityTags.of(created.version()))
                .body(created);
    }

    @PutMapping("/{id}")
    ResponseEntity<AssistantResponse> update(@PathVariable UUID id,
                                             @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                     schema = @Schema(implementation = AssistantUpdate.class)))
                                             @RequestBody JsonNode body,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AssistantUpdate changes = requests.update(id, body);
        AssistantResponse updated = commands.send(new UpdateAssistant(id, changes, EntityTags.expectedVersion(id, ifMatch)));
        return ResponseEntity.ok().eTag(EntityTags.of(updated.version())).body(updated);
    }

    /** Called by query-service when an admin purges the semantic cache, so that the history shows it. */
    @PostMapping("/{id}/cache-purges")
    ResponseEntity<AssistantResponse> recordCachePurge(@PathVariable UUID id, @Valid @RequestBody CachePurgeResult purge) {
        return ResponseEntity.ok(commands.send(new RecordSemanticCachePurge(id, purge.deletedCount())));
    }

    /** Called by avatar-service once the image is stored: the assistant now shows it. */
    @PutMapping("/{id}/avatar-reference")
    ResponseEntity<AssistantResponse> setAvatar(@PathVariable UUID id, @Valid @RequestBody Avatar avatar) {
        return ResponseEntity.ok(commands.send(new SetAvatar(id, avatar)));
    }

    /** Called by avatar-service: the assistant shows no avatar any more (whether it had one or not). */
    @DeleteMapping("/{id}/avatar-reference")
    ResponseEntity<AssistantResponse> removeAvatar(@PathVariable UUID id) {
        return ResponseEntity.ok(commands.send(new RemoveAvatar(id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        commands.send(new DeleteAssistant(id));
        return ResponseEntity.noContent().build();
    }
}
