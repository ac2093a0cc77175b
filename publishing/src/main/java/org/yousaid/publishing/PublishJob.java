package org.yousaid.publishing;

/**
 * One officer's request to publish a consultation (ids only). {@code requestId} makes a redelivered
 * message finish the same version instead of making another.
 */
public record PublishJob(String council, String consultationId, String officer, String requestId) {}
