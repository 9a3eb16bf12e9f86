package io.github.assistantsplatform.api.cache;

/**
 * @param similarity cosine similarity of the nearest cached question (1.0 for the same question), null when none is cached
 * @param answer     the cached answer on a hit, null on a miss
 */
public record CacheLookupResult(boolean hit, String answer, Double similarity) {}
