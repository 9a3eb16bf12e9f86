package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.PlatformJson;
import org.bson.Document;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An assistant's state as a MongoDB document, in the API's JSON names, keyed by its id:
 * {@code {_id, id, settings: {name, user_authentication, ...}, avatar, created_at, updated_at, version, deleted}}.
 */
final class AssistantDocuments {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String NAME = "settings.name";
    static final String PRIVATE = "settings.user_authentication";

    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AssistantDocuments() {}

    static Document toDocument(AssistantState state) {
        Document document = Document.parse(JSON.writeValueAsString(state));
        document.put(ID, state.id().toString());
        return document;
    }

    static AssistantState fromDocument(Document document) {
        return JSON.readValue(document.toJson(), AssistantState.class);
    }
}
