package io.github.assistantsplatform.command.web;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.assistant.AssistantSequence;
import io.github.assistantsplatform.api.cache.CachePurgeResult;
import io.github.assistantsplatform.api.command.CreateAssistant;
import io.github.assistantsplatform.api.command.DeleteAssistant;
import io.github.assistantsplatform.api.command.RecordSemanticCachePurge;
import io.github.assistantsplatform.api.command.RemoveAvatar;
import io.github.assistantsplatform.api.command.SetAvatar;
import io.github.assistantsplatform.api.command.UpdateAssistant;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.support.web.EntityTags;
import io.github.assistantsplatform.support.web.EventPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.UUID;

/** The write API: translates HTTP into assistant commands and their results back into HTTP. */
@Tag(name = "assistants (writes)", description = "Create, update and delete assistants; admin only")
@RestController
@RequestMapping("/api/v1/assistants")
class AssistantCommandController {

    private final AssistantCommands commands;
    private final EventPositions positions;

    AssistantCommandController(AssistantCommands commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @Operation(operationId = "createAssistant", summary = "Create an assistant")
    @PostMapping({"", "/"})
    ResponseEntity<AssistantResponse> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The settings to create with: `name` "
                                    + "and any others, every one left out takes its default",
                            content =
                                    @Content(
                                            schema = @Schema(implementation = AssistantSettings.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "minimal",
                                                        summary = "A name, every other setting its default",
                                                        value = "{\"name\": \"Support bot\"}"),
                                                @ExampleObject(
                                                        name = "configured",
                                                        summary =
                                                                "A model, instructions, retrieval and the semantic cache",
                                                        value =
                                                                "{\"name\": \"Support bot\", \"description\": \"Answers support questions\", "
                                                                        + "\"model\": \"gpt-4o\", \"instructions\": \"Answer from the support articles only.\", "
                                                                        + "\"top_k_retrieval\": 8, \"use_semantic_cache\": true, "
                                                                        + "\"configuration\": {\"temperature\": 0.2, \"max_output_tokens\": 1024}}")
                                            }))
                    @RequestBody
                    JsonNode body) {
        UUID id = UUID.randomUUID();
        AssistantResponse created = commands.send(new CreateAssistant(id, AssistantRequestReader.create(body)));
        return positioned(ResponseEntity.created(URI.create("/api/v1/assistants/" + id)), id)
                .eTag(EntityTags.of(created.version()))
                .body(created);
    }

    @Operation(operationId = "updateAssistant", summary = "Change an assistant (a merge patch)")
    @PutMapping("/{id}")
    ResponseEntity<AssistantResponse> update(
            @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "A "
                                    + "merge patch: the settings to change, every one left out "
                                    + "stays, a null clears one that may be empty",
                            content =
                                    @Content(
                                            schema = @Schema(implementation = AssistantSettings.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "instructions",
                                                        summary = "Change one setting, keep the others",
                                                        value = "{\"instructions\": \"Answer in French.\"}"),
                                                @ExampleObject(
                                                        name = "temperature",
                                                        summary = "Change one generation parameter, keep the others",
                                                        value = "{\"configuration\": {\"temperature\": 0.7}}"),
                                                @ExampleObject(
                                                        name = "clear",
                                                        summary =
                                                                "Clear the description and the text colour (computed again)",
                                                        value = "{\"description\": null, \"avatar_text_color\": null}")
                                            }))
                    @RequestBody
                    JsonNode body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AssistantResponse updated = commands.send(new UpdateAssistant(
                id, AssistantRequestReader.update(id, body), EntityTags.expectedVersion(id, ifMatch)));
        return positioned(ResponseEntity.ok(), id)
                .eTag(EntityTags.of(updated.version()))
                .body(updated);
    }

    /** Called by query-service when an admin purges the semantic cache, so that the history shows it. */
    @Operation(
            operationId = "recordSemanticCachePurge",
            summary = "Record a purge of the semantic cache (query-service calls it)")
    @PostMapping("/{id}/cache-purges")
    ResponseEntity<AssistantResponse> recordCachePurge(
            @PathVariable UUID id, @Valid @RequestBody CachePurgeResult purge) {
        AssistantResponse purged = commands.send(new RecordSemanticCachePurge(id, purge.deletedCount()));
        return positioned(ResponseEntity.ok(), id).body(purged);
    }

    /** Called by avatar-service once the image is stored: the assistant now shows it. */
    @Operation(operationId = "setAvatarReference", summary = "Show a stored avatar (avatar-service calls it)")
    @PutMapping("/{id}/avatar-reference")
    ResponseEntity<AssistantResponse> setAvatar(@PathVariable UUID id, @Valid @RequestBody Avatar avatar) {
        AssistantResponse shown = commands.send(new SetAvatar(id, avatar));
        return positioned(ResponseEntity.ok(), id).body(shown);
    }

    /** Called by avatar-service: the assistant shows no avatar any more (whether it had one or not). */
    @Operation(operationId = "removeAvatarReference", summary = "Stop showing the avatar (avatar-service calls it)")
    @DeleteMapping("/{id}/avatar-reference")
    ResponseEntity<AssistantResponse> removeAvatar(@PathVariable UUID id) {
        AssistantResponse removed = commands.send(new RemoveAvatar(id));
        return positioned(ResponseEntity.ok(), id).body(removed);
    }

    /**
     * Called by avatar-service, to know what its view must have folded before it answers: the sequence of
     * the assistant's latest event at or before {@code position} (its latest without one); 404 if none.
     */
    @Operation(
            operationId = "getAssistantSequence",
            summary = "The sequence of the latest event, as of a position (avatar-service calls it)")
    @GetMapping("/{id}/sequence")
    AssistantSequence sequence(@PathVariable UUID id, @RequestParam(required = false) Long position) {
        return new AssistantSequence(
                positions.sequence(id, position).orElseThrow(() -> new AssistantNotFoundException(id)));
    }

    @Operation(operationId = "deleteAssistant", summary = "Delete an assistant")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        commands.send(new DeleteAssistant(id));
        return positioned(ResponseEntity.status(HttpStatus.NO_CONTENT), id).build();
    }

    /** Read-your-writes: the position of the event the write appended (or of the latest, when it appended none). */
    private ResponseEntity.BodyBuilder positioned(ResponseEntity.BodyBuilder response, UUID id) {
        return EventPosition.answered(response, positions.latest(id));
    }
}
