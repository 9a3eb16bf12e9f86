package io.github.assistantsplatform.command.assistant;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.command.CreateAssistant;
import io.github.assistantsplatform.api.command.DeleteAssistant;
import io.github.assistantsplatform.api.command.RecordSemanticCachePurge;
import io.github.assistantsplatform.api.command.RemoveAvatar;
import io.github.assistantsplatform.api.command.SetAvatar;
import io.github.assistantsplatform.api.command.UpdateAssistant;
import io.github.assistantsplatform.api.error.VersionConflictException;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.SemanticCachePurged;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.model.ValidationException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

class AssistantTest {

    private static final UUID ID = UUID.randomUUID();
    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();
    private static final AssistantSettings HELPER = create("""
            {"name": "Helper"}""");
    private static final Avatar AVATAR = avatar("ab".repeat(32), 120);

    private AggregateTestFixture<Assistant> fixture;

    @BeforeEach
    void newFixture() {
        fixture = freshFixture();
    }

    private static AggregateTestFixture<Assistant> freshFixture() {
        AggregateTestFixture<Assistant> fixture = new AggregateTestFixture<>(Assistant.class);
        fixture.registerCommandTargetResolver(new AssistantCommandTargetResolver());
        return fixture;
    }

    @Test
    void createRecordsTheSettingsAndAnswersWithTheNewState() {
        fixture.givenNoPriorActivity()
                .when(new CreateAssistant(ID, HELPER))
                .expectEvents(created(HELPER))
                .expectResultMessagePayloadMatching(
                        org.hamcrest.Matchers.<AssistantResponse>allOf(hasName("Helper"), hasVersion(0)));
    }

    @Test
    void createRefusesMoreRerankedThanRetrievedDocuments() {
        AssistantSettings invalid = SettingsJson.applied(HELPER, patch("""
                {"top_k_retrieval": 10, "top_n_rerank": 11}"""));
        fixture.givenNoPriorActivity()
                .when(new CreateAssistant(ID, invalid))
                .expectNoEvents()
                .expectException(ValidationException.class);
    }

    @Test
    void updateRecordsOnlyTheFieldsThatChange() {
        ObjectNode request = patch("""
                {"name": "Helper", "description": "Answers questions", "model": "gpt-4o",
                 "configuration": {"temperature": 0.7, "top_p": 0.5}}""");
        ObjectNode changed = patch("""
                {"description": "Answers questions", "model": "gpt-4o", "configuration": {"top_p": 0.5}}""");
        fixture.given(created(HELPER))
                .when(new UpdateAssistant(ID, request, null))
                .expectEvents(new AssistantUpdated(ID, changed))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<AssistantResponse>allOf(
                        hasVersion(1),
                        matches(
                                "model_provider openai",
                                response -> response.modelProvider().value().equals("openai")),
                        matches(
                                "top_p 0.5 and temperature kept",
                                response -> response.settings().configuration().topP() == 0.5
                                        && response.settings().configuration().temperature() == 0.7)));
    }

    @Test
    void updateThatChangesNothingAppendsNothing() {
        ObjectNode sameName = patch("""
                {"name": "Helper"}""");
        fixture.given(created(HELPER))
                .when(new UpdateAssistant(ID, sameName, 0L))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(hasVersion(0));
    }

    @Test
    void updateWithAnExplicitNullClearsTheDescription() {
        AssistantSettings described = SettingsJson.updated(HELPER, patch("""
                {"description": "old"}"""));
        ObjectNode clear = patch("""
                {"description": null}""");
        fixture.given(created(described))
                .when(new UpdateAssistant(ID, clear, null))
                .expectEvents(new AssistantUpdated(ID, clear))
                .expectResultMessagePayloadMatching(matches(
                        "no description", response -> response.settings().description() == null));
    }

    @Test
    void updateChecksTheCrossFieldRuleAgainstTheMergedState() {
        ObjectNode fewerRetrieved = patch("""
                {"top_k_retrieval": 4}""");
        fixture.given(created(HELPER))
                .when(new UpdateAssistant(ID, fewerRetrieved, null))
                .expectNoEvents()
                .expectException(ValidationException.class);
    }

    @Test
    void updateBasedOnAStaleVersionIsAConflict() {
        fixture.given(created(HELPER), new AssistantUpdated(ID, rename("Other")))
                .when(new UpdateAssistant(ID, rename("Mine"), 0L))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void updateBasedOnAVersionThatNeverExistedIsAConflict() {
        fixture.given(created(HELPER))
                .when(new UpdateAssistant(ID, rename("Mine"), 7L))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void updateBasedOnTheCurrentVersionSucceeds() {
        fixture.given(created(HELPER), new AssistantUpdated(ID, rename("Other")))
                .when(new UpdateAssistant(ID, rename("Mine"), 1L))
                .expectEvents(new AssistantUpdated(ID, rename("Mine")))
                .expectResultMessagePayloadMatching(hasVersion(2));
    }

    @Test
    void deleteRecordsTheDeletion() {
        fixture.given(created(HELPER))
                .when(new DeleteAssistant(ID))
                .expectEvents(new AssistantDeleted(ID))
                .expectMarkedDeleted();
    }

    @Test
    void aDeletedAssistantRefusesEveryCommand() {
        List<Object> commands = List.of(
                new UpdateAssistant(ID, rename("Again"), null),
                new DeleteAssistant(ID),
                new SetAvatar(ID, AVATAR),
                new RemoveAvatar(ID),
                new RecordSemanticCachePurge(ID, 1));
        for (Object command : commands) {
            freshFixture()
                    .given(created(HELPER), new AssistantDeleted(ID))
                    .when(command)
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }
    }

    @Test
    void setAvatarRecordsTheNewAvatarOnceOnly() {
        fixture.given(created(HELPER))
                .when(new SetAvatar(ID, AVATAR))
                .expectEvents(new AvatarSet(ID, AVATAR, null))
                .expectResultMessagePayloadMatching(matches(
                        "avatar url", response -> response.avatarUrl().equals("/api/v1/assistants/" + ID + "/avatar")));
        freshFixture()
                .given(created(HELPER), new AvatarSet(ID, AVATAR, null))
                .when(new SetAvatar(ID, AVATAR))
                .expectNoEvents();
        Avatar replacement = avatar("de".repeat(32), 99);
        freshFixture()
                .given(created(HELPER), new AvatarSet(ID, AVATAR, null))
                .when(new SetAvatar(ID, replacement))
                .expectEvents(new AvatarSet(ID, replacement, AVATAR.objectKey()));
    }

    @Test
    void setAvatarRefusesAnObjectOutsideItsAssistantsPrefixOrNotNamedByItsBytes() {
        String sha256 = "ab".repeat(32);
        for (String key : List.of(
                Avatar.objectKey(UUID.randomUUID(), sha256, "png"),
                ID + "/../" + sha256 + ".png",
                Avatar.objectKey(ID, "cd".repeat(32), "png"),
                Avatar.objectKey(ID, sha256, "exe"))) {
            freshFixture()
                    .given(created(HELPER))
                    .when(new SetAvatar(ID, new Avatar(key, "image/png", 120, sha256, 16, 16)))
                    .expectNoEvents()
                    .expectException(ValidationException.class);
        }
    }

    private static Avatar avatar(String sha256, long size) {
        return new Avatar(Avatar.objectKey(ID, sha256, "png"), "image/png", size, sha256, 16, 16);
    }

    @Test
    void removeAvatarNamesTheObjectNoLongerReferenced() {
        fixture.given(created(HELPER), new AvatarSet(ID, AVATAR, null))
                .when(new RemoveAvatar(ID))
                .expectEvents(new AvatarRemoved(ID, AVATAR.objectKey()))
                .expectResultMessagePayloadMatching(matches("no avatar", response -> response.avatarUrl() == null));
    }

    @Test
    void removeAvatarWithoutAvatarChangesNothingAndAnswersTheAssistant() {
        fixture.given(created(HELPER))
                .when(new RemoveAvatar(ID))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(matches(
                        "version 0, no avatar", response -> response.version() == 0 && response.avatarUrl() == null));
    }

    @Test
    void purgeOfTheSemanticCacheIsRecordedWithItsCount() {
        fixture.given(created(HELPER))
                .when(new RecordSemanticCachePurge(ID, 42))
                .expectEvents(new SemanticCachePurged(ID, 42));
    }

    @Test
    void commandsOnAnUnknownAssistantFail() {
        fixture.givenNoPriorActivity()
                .when(new UpdateAssistant(ID, rename("Ghost"), null))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    private static AssistantSettings create(String json) {
        return SettingsJson.created(JSON.readTree(json));
    }

    private static AssistantCreated created(AssistantSettings settings) {
        return new AssistantCreated(ID, SettingsJson.tree(settings));
    }

    private static ObjectNode patch(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static ObjectNode rename(String name) {
        return patch("{\"name\": \"" + name + "\"}");
    }

    private static org.hamcrest.Matcher<AssistantResponse> hasName(String name) {
        return matches("name " + name, response -> response.settings().name().equals(name));
    }

    private static org.hamcrest.Matcher<AssistantResponse> hasVersion(long version) {
        return matches("version " + version, response -> response.version() == version);
    }

    private static org.hamcrest.Matcher<AssistantResponse> matches(
            String description, java.util.function.Predicate<AssistantResponse> test) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(AssistantResponse response) {
                return test.test(response);
            }

            @Override
            public void describeTo(org.hamcrest.Description text) {
                text.appendText(description);
            }
        };
    }
}
