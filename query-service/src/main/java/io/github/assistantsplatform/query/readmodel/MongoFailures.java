package io.github.assistantsplatform.query.readmodel;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/**
 * MongoDB cannot be reached now (retry later), as opposed to refusing what we asked. A replica set's
 * failover raises several of these: the pool cleared, the primary stepping down or recovering, a
 * write concern not met, and any error the server labels retryable.
 */
public final class MongoFailures {

    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private MongoFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoWriteConcernException) {
                return true;
            }
            if (cause instanceof MongoException mongo
                    && (mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR)
                            || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
                return true;
            }
        }
        return false;
    }
}
