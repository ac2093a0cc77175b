package org.yousaid.shared.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The keys are a contract with every item already stored: a changed shape would orphan answers,
 * receipts and the publication log. They are pinned here, and only {@link TableLayout} may build
 * them.
 */
class TableLayoutTest {

  @Test
  void everyKeyKeepsItsStoredShape() {
    assertEquals("C#demo#local-offer", TableLayout.consultationPk("demo", "local-offer"));
    assertEquals("COUNCIL#demo", TableLayout.councilIndexPk("demo"));
    assertEquals("CONSULTATION#local-offer", TableLayout.consultationIndexSk("local-offer"));
    assertEquals("R#01ABC", TableLayout.responseSk("01ABC"));
    assertEquals("R#", TableLayout.RESPONSE_PREFIX);
    assertEquals("IDEM#key-1", TableLayout.idempotencySk("key-1"));
    assertTrue(TableLayout.isIdempotencySk("IDEM#key-1"));
    assertFalse(TableLayout.isIdempotencySk("R#01ABC"));
    assertEquals("key-1", TableLayout.idempotencyKeyOf("IDEM#key-1"));
    assertEquals("AQ#q1", TableLayout.analysisSk("q1"));
    assertEquals("AA#q1#01ABC", TableLayout.answerAnalysisSk("q1", "01ABC"));
    assertEquals("AA#q1#", TableLayout.answerAnalysisPrefix("q1"));
    assertEquals("AV#q1#01RUN", TableLayout.analysisVersionSk("q1", "01RUN"));
    assertEquals("AV#q1#", TableLayout.analysisVersionPrefix("q1"));
    assertEquals("AVM#q1#01RUN#002", TableLayout.analysisVersionAnswersSk("q1", "01RUN", 2));
    assertEquals("AVM#q1#01RUN#", TableLayout.analysisVersionAnswersPrefix("q1", "01RUN"));
    assertEquals("TC#q1#01DEF", TableLayout.correctionSk("q1", "01DEF"));
    assertEquals("TC#q1#", TableLayout.correctionPrefix("q1"));
    assertEquals("PUB#000007", TableLayout.publicationSk(7));
    assertEquals("PUB#", TableLayout.PUBLICATION_PREFIX);
    assertEquals("PUBLISHED#demo", TableLayout.publishedIndexPk("demo"));
    assertEquals("local-offer#PUB#000007", TableLayout.publishedIndexSk("local-offer", 7));
    assertEquals("LOG#01GHI", TableLayout.auditSk("01GHI"));
    assertEquals("LOG#", TableLayout.AUDIT_PREFIX);
    assertEquals("RECEIPT#ABCD1234", TableLayout.receiptPk("ABCD1234"));
    assertEquals("RECEIPT", TableLayout.RECEIPT);
    assertEquals("META", TableLayout.META);
    assertEquals("DEMO#demo", TableLayout.demoAnswersPk("demo"));
    assertEquals("ANSWERS", TableLayout.DEMO_ANSWERS_SK);
    assertEquals("LOCAL_OFFICER#a@b.example", TableLayout.localOfficerPk("a@b.example"));
    assertEquals("ACCOUNT", TableLayout.LOCAL_OFFICER_SK);
    assertEquals("CD#demo", TableLayout.councilDatasetPk("demo"));
    assertEquals("ORUK#002", TableLayout.councilDatasetSk("ORUK", 2));
    assertEquals("ORUK#", TableLayout.councilDatasetPrefix("ORUK"));
    assertEquals("REGISTER#demo", TableLayout.registerPk("demo"));
    assertEquals("E#lo#q1#01ABC", TableLayout.registerEntrySk("lo", "q1", "01ABC"));
    assertEquals("THEME#t1", TableLayout.registerThemeSk("t1"));
    assertEquals("ALERT#lo#01ABC", TableLayout.registerAlertSk("lo", "01ABC"));
    assertEquals("GONE#lo#01ABC", TableLayout.registerErasureSk("lo", "01ABC"));
    assertFalse(
        TableLayout.registerErasureSk("lo", "01ABC").startsWith(TableLayout.ERASURE_PREFIX));
  }

  @Test
  void versionsSortInOrderAndAnswersOfOneQuestionDoNotMatchAnother() {
    assertTrue(TableLayout.publicationSk(9).compareTo(TableLayout.publicationSk(10)) < 0);
    // "q1" must not list the answers of "q10".
    assertFalse(
        TableLayout.answerAnalysisSk("q10", "01ABC")
            .startsWith(TableLayout.answerAnalysisPrefix("q1")));
    assertFalse(
        TableLayout.correctionSk("q10", "01DEF").startsWith(TableLayout.correctionPrefix("q1")));
  }

  /** A string literal that starts like a key: an upper-case tag and '#'. */
  private static final Pattern KEY_LITERAL = Pattern.compile("\"[A-Z][A-Z_]*#");

  @Test
  void noOtherMainSourceBuildsAKey() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.exists(root.resolve("pom.xml")), "run from a module of " + root);
    List<String> found = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .toList()) {
        read++;
        if (file.getFileName().toString().equals("TableLayout.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = KEY_LITERAL.matcher(lines.get(i));
          if (m.find()) {
            found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(read > 100, "the sources were found");
    assertEquals(List.of(), found, "keys are built in TableLayout only");
  }
}
