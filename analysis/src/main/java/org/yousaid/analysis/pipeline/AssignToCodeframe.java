package org.yousaid.analysis.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.represent.ThemeSpace;
import org.yousaid.analysis.theme.codeframe.CodeframeClassifier;
import org.yousaid.analysis.theme.codeframe.ProposedThemes;

/**
 * Stage 6' (codeframe mode): {@link CodeframeClassifier} gives each themable answer the codes it
 * fits (several, with confidence, best first). Answers that fit no code are clustered into proposed
 * new themes (no name: {@link LabelThemes} labels them from their key phrases), or go to "other"
 * when too few to form one.
 */
public final class AssignToCodeframe {
  private final List<CodeframeTheme> codeframe;
  private final CodeframeClassifier classifier;
  private final long seed;

  /** Embeds the codeframe's names, descriptions and examples with the given model. */
  public AssignToCodeframe(List<CodeframeTheme> codeframe, SentenceEmbedder embedder, long seed) {
    this.codeframe = List.copyOf(codeframe);
    this.classifier = new CodeframeClassifier(codeframe, embedder::embed);
    this.seed = seed;
  }

  public Grouping apply(List<AnswerRecord> records, ThemeSpace space) {
    List<AnswerRecord> themable = records.stream().filter(AnswerRecord::themable).toList();
    CodeframeClassifier.Result r =
        classifier.classify(
            themable.stream().map(AnswerRecord::publishedText).toList(),
            themable.stream().map(AnswerRecord::embedding).toArray(float[][]::new));
    int codes = codeframe.size();
    List<AnswerRecord> fitNone = new ArrayList<>();
    for (int j = 0; j < themable.size(); j++) {
      if (r.fitsNoCode(j)) fitNone.add(themable.get(j));
      for (CodeframeClassifier.Assignment a : r.assignments().get(j))
        themable.get(j).addTheme(new Membership(a.code(), a.confidence()));
    }
    ProposedThemes proposed =
        ProposedThemes.cluster(
            space, fitNone.stream().mapToInt(AnswerRecord::index).toArray(), seed);
    int k = codes + proposed.count();
    for (int j = 0; j < fitNone.size(); j++) {
      int theme = proposed.theme()[j];
      fitNone
          .get(j)
          .addTheme(new Membership(theme < 0 ? k : codes + theme, proposed.confidence()[j]));
    }
    List<String> names = new ArrayList<>(codeframe.stream().map(CodeframeTheme::name).toList());
    for (int p = 0; p < proposed.count(); p++) names.add(null); // labelled from key phrases
    return new Grouping(k, null, names);
  }
}
