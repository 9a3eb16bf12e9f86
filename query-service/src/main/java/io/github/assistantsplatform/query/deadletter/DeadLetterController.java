package io.github.assistantsplatform.query.deadletter;

import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Operators see which events the projection set aside and retry them once the cause is fixed (admin-only). */
@Tag(name = "admin", description = "Operations: the read model and the dead letters")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** One list per assistant, in the order its events must be applied. */
    @Operation(operationId = "listDeadLetters", summary = "The events set aside, per assistant")
    @GetMapping
    List<List<DeadLetterView>> list() {
        return deadLetters.sequences();
    }

    @Operation(operationId = "retryDeadLetter", summary = "Retry an assistant's events set aside")
    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable String id) {
        boolean handled = deadLetters
                .retry(id)
                .orElseThrow(() -> new ApiException(ErrorCode.ENTITY_NOT_FOUND, "No dead letter " + id));
        return Map.of("id", id, "handled", handled);
    }
}
