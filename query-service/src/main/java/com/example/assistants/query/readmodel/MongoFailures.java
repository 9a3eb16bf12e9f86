package com.example.assistants.query.readmodel;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** MongoDB cannot be reached now (retry later), as opposed to refusing what we asked. */
public final class MongoFailures {

    private MongoFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
