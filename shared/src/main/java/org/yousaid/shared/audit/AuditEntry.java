package org.yousaid.shared.audit;

import java.time.Instant;

/**
 * One officer action: who did what to which consultation, when. The summary names the change
 * ("opened", "renamed theme t3 to …") but never quotes an answer.
 */
public record AuditEntry(
    String id,
    String council,
    String consultationId,
    String officer,
    Instant at,
    String action,
    String summary) {}
