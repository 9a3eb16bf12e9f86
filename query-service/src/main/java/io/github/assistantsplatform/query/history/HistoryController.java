package io.github.assistantsplatform.query.history;

import io.github.assistantsplatform.api.assistant.AssistantHistoryEntry;
import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.support.security.Callers;
import io.github.assistantsplatform.support.security.PlatformRoles;
import io.github.assistantsplatform.support.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The audit view, straight from the event store: who changed what and when, and the state at any instant. */
@Tag(name = "history", description = "Who changed what and when, and the state at any instant; admin only")
@RestController
@RequestMapping("/api/v1/assistants/{id}")
class HistoryController {

    private static final String OLDEST = "oldest";
    private static final String NEWEST = "newest";

    private final AssistantHistory history;

    HistoryController(AssistantHistory history) {
        this.history = history;
    }

    @Operation(
            operationId = "getAssistantHistory",
            summary = "An assistant's events, a page at a time (X-Total-Count: all of them), oldest or newest first")
    @GetMapping("/history")
    ResponseEntity<List<AssistantHistoryEntry>> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) long skip,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = OLDEST) @Pattern(regexp = OLDEST + "|" + NEWEST) String order) {
        long total = history.count(id);
        if (total == 0) {
            throw new AssistantNotFoundException(id);
        }
        boolean newestFirst = NEWEST.equals(order);
        long first = newestFirst ? Math.max(0, total - skip - limit) : skip;
        long end = newestFirst ? Math.max(0, total - skip) : Math.min(total, skip + limit);
        List<AssistantHistoryEntry> page = new ArrayList<>(
                first < end
                        ? history.events(id, first, (int) (end - first)).stream()
                                .map(HistoryEntries::of)
                                .toList()
                        : List.of());
        if (newestFirst) {
            Collections.reverse(page);
        }
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(total))
                .body(page);
    }

    /** Admin-only, checked here because the same path without {@code as_of} is open to all. */
    @Operation(operationId = "getAssistantAsOf", summary = "The assistant as it was at an instant")
    @GetMapping(params = "as_of", produces = MediaType.APPLICATION_JSON_VALUE)
    AssistantResponse asOf(@PathVariable UUID id, @RequestParam("as_of") String asOf) {
        Callers.requireRole(PlatformRoles.ADMIN);
        Instant instant = QueryParameters.instant("as_of", asOf);
        return history.stateAt(id, instant)
                .filter(state -> !state.deleted())
                .map(AssistantResponse::of)
                .orElseThrow(() -> new AssistantNotFoundException(id));
    }
}
