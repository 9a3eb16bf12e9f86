package com.example.assistants.query.cache;

import com.example.assistants.api.event.AssistantDeleted;
import com.example.assistants.api.event.AssistantUpdated;
import com.example.assistants.query.readmodel.MongoRetry;
import com.example.assistants.support.kafka.CommittingEventConsumer;
import com.example.assistants.support.kafka.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Consumer group "semantic-cache-invalidator": purges an assistant's cached answers when an event
 * says they are stale (an update to what answers depend on, a deletion). A purge is idempotent and
 * waits while MongoDB is unreachable; offsets are committed after the purges.
 */
@Component
class SemanticCacheInvalidator extends CommittingEventConsumer {

    static final String GROUP = "semantic-cache-invalidator";
    private static final Logger log = LoggerFactory.getLogger(SemanticCacheInvalidator.class);

    private final SemanticCache cache;

    SemanticCacheInvalidator(SemanticCache cache, @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
                             @Value("${assistants.kafka.topic}") String topic) {
        super(GROUP, bootstrapServers, topic);
        this.cache = cache;
    }

    @Override
    protected void handle(ReceivedEvent received) {
        boolean stale = received.event() instanceof AssistantDeleted
                || received.event() instanceof AssistantUpdated updated && AnswerDependencies.changedBy(updated.changes());
        if (stale) {
            MongoRetry.untilAvailable("purging the semantic cache of " + received.event().assistantId(), () -> {
                long purged = cache.purge(received.event().assistantId());
                log.info("Purged {} cached answers of assistant {} after {}", purged, received.event().assistantId(),
                        received.event().getClass().getSimpleName());
            });
        }
    }
}
