package io.github.assistantsplatform.query.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild the read model from the events (admin-only, as every route not opened). */
@RestController
@RequestMapping("/api/v1/admin/read-model/rebuild")
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    ResponseEntity<RebuildProgress> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/admin/read-model/rebuild")
                .body(rebuild.start());
    }

    @GetMapping
    RebuildProgress progress() {
        return rebuild.progress();
    }
}
