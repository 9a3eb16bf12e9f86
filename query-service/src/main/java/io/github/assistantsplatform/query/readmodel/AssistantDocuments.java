package io.github.assistantsplatform.query.readmodel;

import com.mongodb.client.model.Projections;
import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.PlatformJson;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonNumber;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An assistant's state as a MongoDB document, in the API's JSON names, keyed by its id:
 * {@code {_id, id, settings: {name, user_authentication, ...}, avatar, created_at, updated_at, version, deleted,
 * response, response_format}}. {@code response} is the assistant's API answer as UTF-8 JSON, rendered when the
 * state is written, so that a read sends stored bytes instead of rebuilding the state and serializing it.
 */
final class AssistantDocuments {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String NAME = "settings.name";
    private static final String SETTINGS = "settings";
    private static final String PRIVATE_SETTING = "user_authentication";
    static final String PRIVATE = SETTINGS + "." + PRIVATE_SETTING;
    static final String RESPONSE = "response";
    static final String RESPONSE_FORMAT = "response_format";

    /**
     * The format of {@code response}: raised whenever {@link AssistantResponse}'s JSON changes
     * (ResponseFormatTest fails until it is), so that documents written before are rendered again on read.
     */
    static final int CURRENT_RESPONSE_FORMAT = 1;

    /** What a read needs of a document: its rendered answer and what decides whether the caller may see it. */
    static final Bson READ_FIELDS = Projections.include(RESPONSE, RESPONSE_FORMAT, VERSION, DELETED, PRIVATE);
    /** Everything but the rendered answer, for reading the state back. */
    static final Bson STATE_FIELDS = Projections.exclude(RESPONSE, RESPONSE_FORMAT);

    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AssistantDocuments() {}

    static Document toDocument(AssistantState state) {
        Document document = Document.parse(JSON.writeValueAsString(state));
        document.put(ID, state.id().toString());
        if (!state.deleted()) {
            document.put(RESPONSE, new Binary(render(state)));
            document.put(RESPONSE_FORMAT, CURRENT_RESPONSE_FORMAT);
        }
        return document;
    }

    static AssistantState fromDocument(Document document) {
        return JSON.readValue(document.toJson(), AssistantState.class);
    }

    /** The API's answer for the assistant, as UTF-8 JSON. */
    static byte[] render(AssistantState state) {
        return JSON.writeValueAsBytes(AssistantResponse.of(state));
    }

    /** A document as read with {@link #READ_FIELDS}; its answer is null when it was rendered in an older format. */
    static StoredAssistant stored(RawBsonDocument document) {
        BsonValue format = document.get(RESPONSE_FORMAT);
        BsonValue response = document.get(RESPONSE);
        BsonDocument settings = document.getDocument(SETTINGS, new BsonDocument());
        return new StoredAssistant(
                document.getString(ID).getValue(),
                format instanceof BsonNumber number
                                && number.intValue() == CURRENT_RESPONSE_FORMAT
                                && response instanceof BsonBinary binary
                        ? binary.getData()
                        : null,
                document.getNumber(VERSION).longValue(),
                document.getBoolean(DELETED).getValue(),
                settings.getBoolean(PRIVATE_SETTING).getValue());
    }

    /** @param response the rendered answer, null when it must be rendered again from the state */
    record StoredAssistant(String id, byte[] response, long version, boolean deleted, boolean isPrivate) {}
}
