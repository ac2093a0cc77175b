package org.yousaid.functions.publisher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The SnapStart priming hook's work runs without AWS: the sample is published into memory, not S3.
 */
class PublisherPrimingTest {

  @Test
  void primingPublishesTheSampleIntoMemory() {
    int files = PublisherPriming.prime();
    assertTrue(files > 10, "files written: " + files);
  }
}
