package io.github.assistantsplatform.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild the read model from the events (admin-only, as every route not opened). */
@Tag(name = "admin", description = "Operations: the read model and the dead letters")
@RestController
@RequestMapping("/api/v1/admin/read-model/rebuild")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(operationId = "startReadModelRebuild", summary = "Rebuild the read model from the events")
    @PostMapping
    ResponseEntity<RebuildProgress> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/admin/read-model/rebuild")
                .body(rebuild.start());
    }

    @Operation(operationId = "getReadModelRebuild", summary = "The progress of the latest rebuild")
    @GetMapping
    RebuildProgress progress() {
        return rebuild.progress();
    }
}
