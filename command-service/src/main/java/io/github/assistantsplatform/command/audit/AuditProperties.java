package io.github.assistantsplatform.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Period;

/**
 * @param anchorInterval  how often an anchor is written when events were appended since the last one
 * @param anchorSettle    how old the newest event an anchor covers must be: a transaction that took its global
 *                        position but has not committed yet would otherwise land below an anchor that missed it
 * @param anchorRetention how long the bucket's Object Lock keeps each anchor from being rewritten or deleted
 */
@ConfigurationProperties("assistants.audit")
record AuditProperties(Duration anchorInterval, Duration anchorSettle, String anchorBucket, Period anchorRetention) {}
