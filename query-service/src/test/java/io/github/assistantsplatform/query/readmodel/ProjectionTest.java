package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.history.AssistantHistory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The projection's rule, on the real read model: replays change nothing, gaps are healed from the event store. */
class ProjectionTest extends QueryServiceTest {

    @Autowired
    ReadModel readModel;

    @Autowired
    ReadModelUpdater updater;

    @Autowired
    AssistantHistory history;

    @Test
    void redeliveredEventsChangeNothing() {
        String id = create(Map.of("name", "Redelivered"));
        update(id, Map.of("description", "one"));
        update(id, Map.of("description", "two"));
        AssistantState before = readModel.active().find(UUID.fromString(id)).orElseThrow();

        for (DomainEventMessage<?> event : history.events(UUID.fromString(id), 0, 1000)) {
            apply(readModel.active(), event);
        }

        assertThat(readModel.active().find(UUID.fromString(id))).contains(before);
        assertThat(before.settings().description()).isEqualTo("two");
    }

    @Test
    void afterAGapTheStateIsFoldedFromTheEventStore() {
        String id = createdAndUpdatedTwice("Gap");
        List<DomainEventMessage<?>> events = history.events(UUID.fromString(id), 0, 1000);
        AssistantStore scratch = scratchCollection();
        try {
            apply(scratch, events.get(0));
            apply(scratch, events.get(2));

            AssistantState healed = scratch.find(UUID.fromString(id)).orElseThrow();
            assertThat(healed)
                    .isEqualTo(readModel.active().find(UUID.fromString(id)).orElseThrow());
            assertThat(healed.version()).isEqualTo(2);

            apply(scratch, events.get(1));
            assertThat(scratch.find(UUID.fromString(id))).contains(healed);
        } finally {
            scratch.drop();
        }
    }

    @Test
    void aDeletedAssistantStaysDeletedWhenItsCreationIsReplayed() {
        String id = create(Map.of("name", "Tombstone"));
        delete(id);
        List<DomainEventMessage<?>> events = history.events(UUID.fromString(id), 0, 1000);

        apply(readModel.active(), events.get(0));

        assertThat(readModel.active().find(UUID.fromString(id)).orElseThrow().deleted())
                .isTrue();
    }

    @Test
    void aBatchFoldsEachAssistantInMemoryAndWritesItsLastState() {
        String id = createdAndUpdatedTwice("Batched");
        List<DomainEventMessage<?>> events = history.events(UUID.fromString(id), 0, 1000);
        AssistantStore scratch = scratchCollection();
        try {
            ProjectionBatch batch = new ProjectionBatch(scratch, updater, ProjectionBatch.WritePolicy.CONDITIONAL);
            events.forEach(event -> apply(batch, event));

            assertThat(scratch.find(UUID.fromString(id)))
                    .as("nothing written before the batch commits")
                    .isEmpty();
            assertThat(batch.flush()).isZero();
            assertThat(scratch.find(UUID.fromString(id)))
                    .contains(readModel.active().find(UUID.fromString(id)).orElseThrow());
        } finally {
            scratch.drop();
        }
    }

    @Test
    void aBatchWhoseAssistantAnotherWriterChangedMeanwhileIsAppliedAgainEventByEvent() {
        String id = createdAndUpdatedTwice("Raced");
        List<DomainEventMessage<?>> events = history.events(UUID.fromString(id), 0, 1000);
        AssistantStore scratch = scratchCollection();
        try {
            ProjectionBatch batch = new ProjectionBatch(scratch, updater, ProjectionBatch.WritePolicy.CONDITIONAL);
            apply(batch, events.get(0));
            apply(batch, events.get(1));
            apply(scratch, events.get(0));
            apply(scratch, events.get(1));
            apply(batch, events.get(2));

            assertThat(batch.flush()).isEqualTo(1);
            assertThat(scratch.find(UUID.fromString(id)))
                    .contains(readModel.active().find(UUID.fromString(id)).orElseThrow());
        } finally {
            scratch.drop();
        }
    }

    /** An assistant with three events: created, then two descriptions. */
    private String createdAndUpdatedTwice(String name) {
        String id = create(Map.of("name", name));
        update(id, Map.of("description", "one"));
        update(id, Map.of("description", "two"));
        return id;
    }

    private AssistantStore scratchCollection() {
        return readModel.newCollection("scratch_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static void apply(ProjectionBatch batch, DomainEventMessage<?> event) {
        batch.apply((AssistantEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
    }

    private void apply(AssistantStore store, DomainEventMessage<?> event) {
        ProjectionBatch alone = new ProjectionBatch(store, updater, ProjectionBatch.WritePolicy.CONDITIONAL);
        apply(alone, event);
        alone.flush();
    }
}
