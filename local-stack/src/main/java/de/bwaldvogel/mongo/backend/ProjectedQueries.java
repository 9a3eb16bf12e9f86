package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The server's query parameters with a projection, which only its own package may build: the local stack's
 * index-served finds ({@code OrderedIndex}) run their look-ups by {@code _id} with the client's projection.
 */
public final class ProjectedQueries {

    private ProjectedQueries() {}

    public static QueryParameters of(Document querySelector, Document projection) {
        return new QueryParameters(querySelector, 0, 0, 0, projection);
    }
}
