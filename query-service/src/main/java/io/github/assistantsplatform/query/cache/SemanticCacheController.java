package io.github.assistantsplatform.query.cache;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.cache.CacheEntryRequest;
import io.github.assistantsplatform.api.cache.CacheLookupRequest;
import io.github.assistantsplatform.api.cache.CacheLookupResult;
import io.github.assistantsplatform.api.cache.CachePurgeResult;
import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import io.github.assistantsplatform.support.web.CommandServiceClient;
import io.github.assistantsplatform.support.web.EventPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@Tag(name = "semantic cache", description = "Cached answers of an assistant")
@RestController
@RequestMapping("/api/v1/assistants/{id}/cache")
class SemanticCacheController {

    private final ReadModel readModel;
    private final SemanticCache cache;
    private final CommandServiceClient commandService;

    SemanticCacheController(ReadModel readModel, SemanticCache cache, CommandServiceClient commandService) {
        this.readModel = readModel;
        this.cache = cache;
        this.commandService = commandService;
    }

    /** Whoever may read the assistant; an assistant without a semantic cache always misses. */
    @Operation(
            operationId = "lookUpCachedAnswer",
            summary = "The cached answer to a question, if a close one is cached")
    @PostMapping("/lookup")
    CacheLookupResult lookup(@PathVariable UUID id, @Valid @RequestBody CacheLookupRequest request) {
        AssistantState assistant = readModel.readable(id);
        if (!assistant.settings().useSemanticCache()) {
            return new CacheLookupResult(false, null, null);
        }
        return cache.lookup(assistant, request.question());
    }

    /** Admins and the RAG service (role {@code service}): 201 for a new question, 200 for a replaced answer. */
    @Operation(operationId = "storeCachedAnswer", summary = "Cache an answer to a question")
    @PutMapping
    ResponseEntity<?> store(@PathVariable UUID id, @Valid @RequestBody CacheEntryRequest request) {
        AssistantState assistant = readModel.readable(id);
        if (!assistant.settings().useSemanticCache()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "The semantic cache is disabled for assistant " + id + "; enable use_semantic_cache first");
        }
        boolean created = cache.put(assistant, request.question(), request.answer());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of(
                        "question",
                        request.question(),
                        "expires_in_seconds",
                        assistant.settings().cacheTtlSeconds()));
    }

    /**
     * Admins. The purge is recorded in the assistant's history first (with the count about to
     * go), so that no purge ever goes unrecorded; then the entries are removed.
     */
    @Operation(operationId = "purgeSemanticCache", summary = "Delete every cached answer of an assistant")
    @DeleteMapping
    ResponseEntity<CachePurgeResult> purge(@PathVariable UUID id, HttpServletRequest request) {
        readModel.readable(id);
        CommandServiceClient.Reply<AssistantResponse> recorded = commandService.send(
                "POST",
                "/api/v1/assistants/" + id + "/cache-purges",
                id,
                new CachePurgeResult(cache.size(id)),
                AssistantResponse.class,
                request);
        return EventPosition.answered(ResponseEntity.ok(), recorded.position())
                .body(new CachePurgeResult(cache.purge(id)));
    }
}
