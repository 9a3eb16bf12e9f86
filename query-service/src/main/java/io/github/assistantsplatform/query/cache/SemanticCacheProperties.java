package io.github.assistantsplatform.query.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The semantic cache's limits, so that no client can exhaust the service's heap or CPU.
 *
 * @param memory                 heap for the in-memory copies of assistants' entries
 * @param concurrentEmbeddings   embeddings computed at once; a look-up beyond waits {@code embeddingWait}, then 429
 * @param embeddingWait          how long a look-up waits for its turn to compute an embedding
 */
@ConfigurationProperties("assistants.semantic-cache")
record SemanticCacheProperties(
        @DefaultValue("64MB") DataSize memory,
        @DefaultValue("2") int concurrentEmbeddings,
        @DefaultValue("500ms") Duration embeddingWait) {}
