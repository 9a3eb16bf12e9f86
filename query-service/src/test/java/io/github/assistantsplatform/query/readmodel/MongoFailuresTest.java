package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.WriteConcernError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** What a replica set's failover raises is "unavailable" (waited out, 503), not a refusal (dead-lettered, 500). */
class MongoFailuresTest {

    @Test
    void aFailoversErrorsAreUnavailability() {
        ServerAddress primary = new ServerAddress("mongo-0", 27017);
        MongoException labelled = new MongoException("connection interrupted mid-write");
        labelled.addLabel("RetryableWriteError");

        assertThat(MongoFailures.isUnavailable(new MongoConnectionPoolClearedException(
                        new ServerId(new ClusterId(), primary), new MongoException("pool cleared"))))
                .isTrue();
        assertThat(MongoFailures.isUnavailable(new MongoWriteConcernException(
                        new WriteConcernError(
                                91, "ShutdownInProgress", "the primary is stepping down", new BsonDocument()),
                        primary)))
                .isTrue();
        assertThat(MongoFailures.isUnavailable(new IllegalStateException("wrapped", labelled)))
                .isTrue();
    }

    @Test
    void aRefusalIsNot() {
        MongoCommandException duplicateKey = new MongoCommandException(
                new BsonDocument("ok", new BsonInt32(0))
                        .append("code", new BsonInt32(11000))
                        .append("errmsg", new BsonString("E11000 duplicate key")),
                new ServerAddress("mongo-0", 27017));

        assertThat(MongoFailures.isUnavailable(duplicateKey)).isFalse();
        assertThat(MongoFailures.isUnavailable(new IllegalArgumentException("bad document")))
                .isFalse();
    }
}
