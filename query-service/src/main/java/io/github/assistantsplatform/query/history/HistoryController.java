package io.github.assistantsplatform.query.history;

import io.github.assistantsplatform.api.assistant.AssistantHistoryEntry;
import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.EventMetadata;
import io.github.assistantsplatform.events.SemanticCachePurged;
import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.ValidationException;
import io.github.assistantsplatform.support.security.Callers;
import io.github.assistantsplatform.support.security.PlatformRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
                                .map(HistoryController::entry)
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
        Instant instant = parseInstant(asOf);
        return history.stateAt(id, instant)
                .filter(state -> !state.deleted())
                .map(AssistantResponse::of)
                .orElseThrow(() -> new AssistantNotFoundException(id));
    }

    private static AssistantHistoryEntry entry(DomainEventMessage<?> event) {
        AssistantEvent payload = (AssistantEvent) event.getPayload();
        return new AssistantHistoryEntry(
                event.getSequenceNumber(),
                AssistantEvent.typeName(payload.getClass()),
                event.getTimestamp(),
                (String) event.getMetaData().get(EventMetadata.ACTOR),
                (String) event.getMetaData().get(EventMetadata.REQUEST_ID),
                (String) event.getMetaData().get(EventMetadata.CORRELATION_ID),
                payload.accept(CHANGES));
    }

    /** What each event set, as the history shows it. */
    private static final AssistantEvent.Visitor<Object> CHANGES = new AssistantEvent.Visitor<>() {
        @Override
        public Object created(AssistantCreated event) {
            return event.settings();
        }

        @Override
        public Object updated(AssistantUpdated event) {
            return event.changes();
        }

        @Override
        public Object deleted(AssistantDeleted event) {
            return Map.of();
        }

        @Override
        public Object avatarSet(AvatarSet event) {
            return event.avatar();
        }

        @Override
        public Object avatarRemoved(AvatarRemoved event) {
            return Map.of("object_key", event.objectKey());
        }

        @Override
        public Object cachePurged(SemanticCachePurged event) {
            return Map.of("deleted_count", event.deletedCount());
        }
    };

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldViolation(
                    "as_of", "must be an ISO-8601 instant with an offset, e.g. 2026-01-31T12:00:00Z")));
        }
    }
}
