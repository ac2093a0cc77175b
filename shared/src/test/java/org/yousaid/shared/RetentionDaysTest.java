package org.yousaid.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.ConsultationStatus;

/**
 * The stack's RetentionDays parameter reaches new consultations; a consultation's own period wins.
 */
class RetentionDaysTest {

  @Test
  void theDeploymentsRetentionDaysIsReadAndNonsenseFallsBackToThreeYears() {
    assertEquals(30, Consultation.retentionDays("30"));
    assertEquals(2555, Consultation.retentionDays(" 2555 "));
    assertEquals(1095, Consultation.retentionDays(null));
    assertEquals(1095, Consultation.retentionDays(""));
    assertEquals(1095, Consultation.retentionDays("0"));
    assertEquals(1095, Consultation.retentionDays("-7"));
    assertEquals(1095, Consultation.retentionDays("1095.5"));
    assertEquals(1095, Consultation.retentionDays("99999"));
  }

  @Test
  void aConsultationWithoutItsOwnPeriodGetsTheDeploymentDefault() {
    Consultation unset =
        new Consultation(
            "demo",
            "c",
            null,
            "Title",
            ConsultationKind.CONSULTATION,
            ConsultationStatus.DRAFT,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            0);
    assertEquals(Consultation.DEFAULT_RETENTION_DAYS, unset.retentionDays());
    assertEquals(
        Consultation.retentionDays(System.getenv("DEFAULT_RETENTION_DAYS")), unset.retentionDays());
    Consultation own =
        new Consultation(
            "demo",
            "c",
            null,
            "Title",
            ConsultationKind.CONSULTATION,
            ConsultationStatus.DRAFT,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            365);
    assertEquals(365, own.retentionDays());
  }
}
