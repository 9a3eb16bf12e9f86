package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.events.AssistantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the read model up to date with the event store (tracking processor "assistant-read-model"),
 * a batch of events at a time (see {@link ProjectionBatch}).
 */
@Component
@ProcessingGroup(AssistantProjection.PROCESSING_GROUP)
public class AssistantProjection {

    public static final String PROCESSING_GROUP = "assistant-read-model";
    private static final Logger log = LoggerFactory.getLogger(AssistantProjection.class);

    private final ReadModel readModel;
    private final ReadModelUpdater updater;

    AssistantProjection(ReadModel readModel, ReadModelUpdater updater) {
        this.readModel = readModel;
        this.updater = updater;
    }

    @EventHandler
    void on(AssistantEvent event, @SequenceNumber long sequence, @Timestamp Instant at, UnitOfWork<?> unitOfWork) {
        batchOf(unitOfWork).apply(event, sequence, at);
    }

    /** The batch of the unit of work the event is handled in, written when it commits. */
    private ProjectionBatch batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(ProjectionBatch.class.getName(), key -> {
            // MongoDB may be down at the first batch too: wait, as for every other call, rather than dead-letter
            ProjectionBatch batch = new ProjectionBatch(
                    MongoRetry.untilAvailable("finding the read model", readModel::active),
                    updater,
                    ProjectionBatch.WritePolicy.CONDITIONAL);
            root.onPrepareCommit(committing -> {
                int again = batch.flush();
                if (again > 0) {
                    log.info(
                            "{} assistants changed by another writer during a batch; their events were applied again",
                            again);
                }
            });
            return batch;
        });
    }
}
