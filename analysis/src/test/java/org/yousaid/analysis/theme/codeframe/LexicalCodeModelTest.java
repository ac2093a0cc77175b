package org.yousaid.analysis.theme.codeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lexical channel on its own: words and character n-grams of the examples. */
class LexicalCodeModelTest {
  static final List<String> CODES = List.of("Parking", "Food", "Therapies");
  static final List<List<String>> EXAMPLES =
      List.of(
          List.of(
              "There is never anywhere to park",
              "The car park charges are far too high",
              "Parking spaces are all gone by 9am"),
          List.of(
              "The meals were cold when they arrived",
              "Better food choices please",
              "Hospital food was tasteless"),
          List.of(
              "More physiotherapy sessions would help",
              "The physio was brilliant",
              "Occupational therapy helped him a lot"));

  /** Misspelt and run-together words a patient writes, each sharing n-grams with one code. */
  static final List<String[]> ANSWERS =
      List.of(
          new String[] {"the carpark is too expensiv", "Parking"},
          new String[] {"parkin is a nightmare", "Parking"},
          new String[] {"physiotheraphy every day not once a week", "Therapies"},
          new String[] {"the foood was awfull", "Food"},
          new String[] {"meels arrived cold again", "Food"},
          new String[] {"more occupational therapie", "Therapies"});

  @Test
  void misspeltAnswersGoToTheCodeWhoseExamplesShareTheirLetters() {
    LexicalCodeModel model = train(ANSWERS.stream().map(a -> a[0]).toList());
    for (String[] a : ANSWERS) {
      double[] p = model.probabilities(a[0]);
      assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
      assertEquals(a[1], CODES.get(argmax(p)), a[0]);
    }
  }

  private static LexicalCodeModel train(List<String> answers) {
    List<String> training = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    for (int c = 0; c < CODES.size(); c++) {
      for (String e : EXAMPLES.get(c)) {
        training.add(e);
        codes.add(c);
      }
      training.add(CODES.get(c));
      codes.add(c);
    }
    List<String> corpus = new ArrayList<>(answers);
    corpus.addAll(training);
    return LexicalCodeModel.train(
        corpus,
        training,
        codes.stream().mapToInt(Integer::intValue).toArray(),
        CODES.size(),
        new double[] {0.25, 0.25, 0.25},
        5,
        1e-4);
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return best;
  }
}
