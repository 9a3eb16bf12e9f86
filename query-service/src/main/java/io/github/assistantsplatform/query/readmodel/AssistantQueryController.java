package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.support.security.AssistantVisibility;
import io.github.assistantsplatform.support.web.EntityTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    @GetMapping({"", "/"})
    ResponseEntity<List<AssistantResponse>> list(
            @RequestParam(defaultValue = "0") @Min(0) int skip,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        AssistantStore.AssistantPage page = readModel.active().page(AssistantVisibility.seesPrivateOnes(), skip, limit);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .body(page.assistants().stream().map(AssistantResponse::of).toList());
    }

    @Operation(operationId = "getAssistant", summary = "One assistant")
    @GetMapping(path = "/{id}", params = "!as_of")
    ResponseEntity<AssistantResponse> get(@PathVariable UUID id) {
        AssistantState state = readModel.readable(id);
        return ResponseEntity.ok().eTag(EntityTags.of(state.version())).body(AssistantResponse.of(state));
    }
}
