package io.github.assistantsplatform.avatar.view;

import io.github.assistantsplatform.model.AssistantState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The assistants view as of a position on the topic: every assistant's state after the events
 * before {@code offsets} (per partition), so that a replica starting from it reads only what came
 * after instead of the whole topic.
 *
 * @param format the layout of this record; a snapshot of another format is not read
 */
record ViewSnapshot(
        int format,
        String topic,
        Instant takenAt,
        Instant newestEventTime,
        Map<Integer, Long> offsets,
        List<AssistantState> assistants) {

    static final int FORMAT = 1;
}
