package org.yousaid.analysis.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.Sentiment;
import org.yousaid.analysis.represent.SentenceEmbedder;

/**
 * The shipped sentiment weights, read as the engine reads them, on answers written as SEND parents
 * write them (lower case, no full stops), none of which is in the benchmark's held-out set: plain
 * complaints must come out negative and plain praise positive, whatever else the model gets wrong.
 */
class ShippedSentimentTest {
  private static SentenceEmbedder embedder;
  // what the engine does: the shipped weights under the shipped reading
  private static final SentimentReading SHIPPED =
      new SentimentReading(SentimentClassifier.fromClasspath(), SentimentReading.Rules.shipped());

  @BeforeAll
  static void load() {
    embedder = new SentenceEmbedder();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void plainSendComplaintsAreNegative() {
    assertAll(
        Sentiment.NEGATIVE,
        "we have been waiting over a year for the ehcp and still nothing",
        "nobody from the send team ever rings back",
        "my son has had no education at all since january",
        "the plan was finalised with half his needs missing",
        "had to pay for a private assessment because the council refused",
        "spent 3 years fighting for a school place, exhausted");
  }

  /** The hard cases councils miss: complaints said politely, or after a word of praise. */
  @Test
  void politeAndPraiseWrappedComplaintsAreNegative() {
    assertAll(
        Sentiment.NEGATIVE,
        "the staff are lovely but we have had no help for months",
        "i dont like to complain but the transport has been late every day this term",
        "it would help if someone actually answered the phone",
        "thanks for trying but he is still without a school place",
        "cost us a fortune in private therapy and months of worry");
  }

  @Test
  void plainSendPraiseIsPositive() {
    assertAll(
        Sentiment.POSITIVE,
        "the caseworker was brilliant and kept us updated every week",
        "thank you, the outreach team have been amazing",
        "my daughter loves her new school and is so much happier",
        "really pleased with how quickly the assessment was done",
        "the respite service is a lifeline for our family");
  }

  private static void assertAll(Sentiment expected, String... answers) {
    Sentiment[] read =
        SHIPPED.read(List.of(answers), embedder.embed(List.of(answers)), embedder::embed);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) if (read[i] != expected) wrong.add(answers[i]);
    assertEquals(List.of(), wrong, "not " + expected);
  }
}
