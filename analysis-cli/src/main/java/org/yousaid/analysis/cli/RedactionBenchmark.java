package org.yousaid.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yousaid.analysis.nlp.AnnotatedText;
import org.yousaid.analysis.nlp.CoreNlpAnnotator;
import org.yousaid.analysis.nlp.Redactor;
import org.yousaid.analysis.nlp.TextNormaliser;
import org.yousaid.redaction.PersonalDataSpan;
import org.yousaid.redaction.Redaction;
import org.yousaid.redaction.eval.LabelledAnswer;
import org.yousaid.redaction.eval.RedactionScore;

/**
 * Recall and precision per kind of personal data, for four redactors in one run: the old publisher
 * patterns and the old engine (CoreNLP PERSON + patterns), both as {@link BaselineRedaction} keeps
 * them, and the shared module without NLP (the publisher's last check) and with CoreNLP's people
 * and organisations (the engine). On the labelled set in {@code redaction/eval} (a dev half the
 * rules were tuned on and a held-out half written before them) and on generated answers with
 * planted items. Answer text is never printed.
 */
final class RedactionBenchmark {
  private RedactionBenchmark() {}

  static Map<String, Object> run(int n, long seed, Path evalDir) throws IOException {
    CoreNlpAnnotator annotator = new CoreNlpAnnotator(true);
    Redactor engine = new Redactor(annotator);
    Redaction rules = Redaction.standard();
    TextNormaliser normaliser = new TextNormaliser();
    Map<String, Function<AnnotatedText, List<PersonalDataSpan>>> redactors = new LinkedHashMap<>();
    redactors.put("baseline publisher (old patterns)", a -> BaselineRedaction.patterns(a.text()));
    redactors.put("baseline engine (old patterns + CoreNLP PERSON)", BaselineRedaction::engine);
    redactors.put("publisher (shared module, no NLP)", a -> rules.find(a.text()));
    redactors.put("engine (shared module + CoreNLP NER)", a -> engine.redact(a).spans());

    Map<String, Object> out = new LinkedHashMap<>();
    for (String half : List.of("heldout", "dev")) {
      Path file = evalDir.resolve(half + ".txt");
      if (!Files.exists(file)) continue;
      // the engine redacts normalised text (quotes straightened, spaces collapsed); so do all four
      List<LabelledAnswer> answers = LabelledAnswer.read(file, normaliser::normalise);
      Map<String, Object> byRedactor = new LinkedHashMap<>();
      byRedactor.put("answers", answers.size());
      for (var r : redactors.entrySet()) {
        RedactionScore score = new RedactionScore();
        long start = System.nanoTime();
        for (LabelledAnswer a : answers) {
          score.add(a.text(), a.gold(), r.getValue().apply(annotator.annotate(a.text())));
        }
        Map<String, Object> table = score.table();
        table.put("seconds", Main.round((System.nanoTime() - start) / 1e9));
        byRedactor.put(r.getKey(), table);
      }
      out.put(half, byRedactor);
    }
    out.put("generated", generated(n, seed, annotator, redactors));
    return out;
  }

  /** Generated answers with planted items (seed-like text, Ofcom drama numbers, decoys). */
  private static Map<String, Object> generated(
      int n,
      long seed,
      CoreNlpAnnotator annotator,
      Map<String, Function<AnnotatedText, List<PersonalDataSpan>>> redactors) {
    SyntheticAnswers gen = new SyntheticAnswers(seed);
    List<SyntheticAnswers.Generated> answers =
        java.util.stream.IntStream.range(0, n).mapToObj(i -> gen.answerWithPersonalData()).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("answers", n);
    for (var r : redactors.entrySet()) {
      RedactionScore score = new RedactionScore();
      long start = System.nanoTime();
      for (SyntheticAnswers.Generated g : answers) {
        List<PersonalDataSpan> gold =
            g.planted().stream()
                .map(p -> new PersonalDataSpan(p.type(), p.begin(), p.end()))
                .toList();
        score.add(g.text(), gold, r.getValue().apply(annotator.annotate(g.text())));
      }
      Map<String, Object> table = score.table();
      table.put("seconds", Main.round((System.nanoTime() - start) / 1e9));
      out.put(r.getKey(), table);
    }
    return out;
  }
}
