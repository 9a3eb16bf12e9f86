package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.support.security.AssistantVisibility;
import io.github.assistantsplatform.support.web.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The read API: list and get from the read model. Guests see public assistants only. */
@Tag(name = "assistants (reads)", description = "List and read assistants; guests see public ones")
@RestController
@RequestMapping("/api/v1/assistants")
class AssistantQueryController {

    private final ReadModel readModel;

    AssistantQueryController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @Operation(operationId = "listAssistants", summary = "A page of assistants, by name")
    @ApiResponse(
            responseCode = "200",
            description = "The page; X-Total-Count: how many there are in all",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = AssistantResponse.class))))
    @GetMapping(
            path = {"", "/"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> list(
            @RequestParam(defaultValue = "0") @Min(0) int skip,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        AssistantStore.AssistantPage page = readModel.active().page(AssistantVisibility.seesPrivateOnes(), skip, limit);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(jsonArray(page.assistants()));
    }

    @Operation(operationId = "getAssistant", summary = "One assistant")
    @ApiResponse(
            responseCode = "200",
            description = "The assistant; its ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AssistantResponse.class)))
    @GetMapping(path = "/{id}", params = "!as_of", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> get(@PathVariable UUID id) {
        AssistantDocuments.StoredAssistant assistant = readModel.readableAsStored(id);
        return ResponseEntity.ok()
                .eTag(EntityTags.of(assistant.version()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(assistant.response());
    }

    /** The stored answers, as one JSON array. */
    private static byte[] jsonArray(List<byte[]> elements) {
        int length = 2 + Math.max(0, elements.size() - 1);
        for (byte[] element : elements) {
            length += element.length;
        }
        byte[] array = new byte[length];
        array[0] = '[';
        int at = 1;
        for (byte[] element : elements) {
            if (at > 1) {
                array[at++] = ',';
            }
            System.arraycopy(element, 0, array, at, element.length);
            at += element.length;
        }
        array[at] = ']';
        return array;
    }
}
