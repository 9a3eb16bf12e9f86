package com.example.assistants.query.cache;

import com.example.assistants.api.assistant.AssistantUpdate;

/** What a cached answer depends on: a change to any of it makes the assistant's cached answers stale. */
final class AnswerDependencies {

    private AnswerDependencies() {
    }

    static boolean changedBy(AssistantUpdate changes) {
        return changes.instructions() != null
                || changes.model() != null
                || changes.configuration() != null
                || changes.useReranker() != null
                || changes.rerankProvider() != null
                || changes.topKRetrieval() != null
                || changes.topNRerank() != null
                || changes.retrievalSimilarityCutoff() != null
                || changes.similarityCutoff() != null
                || changes.linkedConnectorIds() != null
                || changes.cacheSimilarityThreshold() != null;
    }
}
