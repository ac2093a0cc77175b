package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The officer function's environment, as template.yaml sets it and as local mode leaves it. */
class OfficerConfigTest {

  @Test
  void readsWhatTheTemplateSets() {
    OfficerConfig config =
        OfficerConfig.from(
            Map.of(
                "SITE_URL", "https://d111.cloudfront.net/",
                "PUBLIC_API_URL", "https://consult.council.example",
                "ANALYSIS_QUEUE_URL", "https://sqs.eu-west-2.amazonaws.com/1/analysis",
                "PUBLISH_QUEUE_URL", "https://sqs.eu-west-2.amazonaws.com/1/publish"));
    assertEquals("https://d111.cloudfront.net/", config.siteUrl());
    assertEquals("https://consult.council.example", config.publicApiUrl());
    assertEquals(
        "https://sqs.eu-west-2.amazonaws.com/1/analysis", config.requiredAnalysisQueueUrl());
    assertEquals("https://sqs.eu-west-2.amazonaws.com/1/publish", config.requiredPublishQueueUrl());
  }

  @Test
  void localModeSetsNothingAndTheSiteIsOnTheSameOrigin() {
    OfficerConfig config = OfficerConfig.from(Map.of());
    assertEquals("/", config.siteUrl());
    assertNull(config.publicApiUrl(), "the snippet page then uses the address the browser used");
    assertNull(config.analysisQueueUrl());
    assertNull(config.publishQueueUrl());
  }

  @Test
  void blankCountsAsUnset() {
    OfficerConfig config =
        OfficerConfig.from(
            Map.of("SITE_URL", " ", "PUBLIC_API_URL", "", "ANALYSIS_QUEUE_URL", "\t"));
    assertEquals("/", config.siteUrl());
    assertNull(config.publicApiUrl());
    assertNull(config.analysisQueueUrl());
  }

  @Test
  void inAwsAMissingQueueStopsTheFunctionFromStartingAndSaysWhichToSet() {
    OfficerConfig config = OfficerConfig.from(Map.of("PUBLISH_QUEUE_URL", " "));
    assertEquals(
        "Set ANALYSIS_QUEUE_URL",
        assertThrows(IllegalStateException.class, config::requiredAnalysisQueueUrl).getMessage());
    assertEquals(
        "Set PUBLISH_QUEUE_URL",
        assertThrows(IllegalStateException.class, config::requiredPublishQueueUrl).getMessage());
  }
}
