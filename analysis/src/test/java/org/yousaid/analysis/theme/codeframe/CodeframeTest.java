package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.analysis.CodeframeTheme;

class CodeframeTest {
  @Test
  void readsLabelsDescriptionsAndPipeJoinedExamplesInAnyColumnOrder() throws Exception {
    Codeframe f =
        Codeframe.read(
            "mine",
            new StringReader(
                "\uFEFFExamples,Label,description\n"
                    + "\"Taxi late | driver changes every week\",Transport,\"Home to school transport, escorts\"\n"
                    + ",Short breaks,\n"
                    + "\n"
                    + ",  ,ignored: no label\n"));
    assertEquals(2, f.codes().size());
    assertEquals(
        new CodeframeTheme(
            "Transport",
            "Home to school transport, escorts",
            List.of("Taxi late", "driver changes every week")),
        f.codes().get(0));
    assertEquals(CodeframeTheme.named("Short breaks"), f.codes().get(1));
  }

  @Test
  void aLabelColumnIsRequiredAndLabelsMustBeUnique() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Codeframe.read("x", new StringReader("name,description\nA,b\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Codeframe.read("x", new StringReader("label\nTransport\n transport \n")));
    assertThrows(
        IllegalArgumentException.class, () -> Codeframe.read("x", new StringReader("label\n")));
  }

  @Test
  void theShippedSendCodeframeCoversWhatParentsRaiseWithDescriptionsAndExamples() {
    Codeframe send = Codeframe.shipped(Codeframe.SEND_V1);
    assertTrue(
        send.codes().size() >= 20 && send.codes().size() <= 30, "codes: " + send.codes().size());
    for (CodeframeTheme c : send.codes()) {
      assertTrue(c.description().length() > 40, c.name());
      assertTrue(c.examples().size() >= 2, c.name());
    }
    String labels =
        String.join(" | ", send.codes().stream().map(CodeframeTheme::name).toList())
            .toLowerCase(Locale.ROOT);
    for (String topic :
        List.of(
            "ehc assessment and plan delays",
            "plan quality",
            "annual review",
            "tribunal",
            "transport",
            "short breaks",
            "local offer",
            "send team communication",
            "mainstream",
            "specialist school",
            "therap",
            "camhs",
            "adulthood",
            "personal budget",
            "part-time timetable",
            "praise",
            "consultation")) {
      assertTrue(labels.contains(topic), "no code for " + topic + " in " + labels);
    }
  }

  @Test
  void unknownShippedCodeframesAndPathTricksAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Codeframe.shipped("send-v0"));
    assertThrows(IllegalArgumentException.class, () -> Codeframe.shipped("../codeframes/send-v1"));
  }

  @Test
  void officerCorrectionsBecomeExamplesAndNewLabelsBecomeNewCodes() {
    Codeframe f =
        new Codeframe(
            "mine",
            List.of(new CodeframeTheme("Transport", "Getting to school", List.of("Taxi late"))));
    Codeframe corrected =
        f.withExamples(
            Map.of(
                " transport", List.of("The bus never comes", "Taxi late"),
                "Playschemes", List.of("Nothing to do in the summer")));
    assertEquals(
        List.of(
            new CodeframeTheme(
                "Transport", "Getting to school", List.of("Taxi late", "The bus never comes")),
            new CodeframeTheme("Playschemes", "", List.of("Nothing to do in the summer"))),
        corrected.codes());
    assertEquals(List.of("Taxi late"), f.codes().get(0).examples(), "the original is unchanged");
  }
}
