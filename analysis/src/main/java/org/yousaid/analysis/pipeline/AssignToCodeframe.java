package org.yousaid.analysis.pipeline;

import java.util.List;
import org.yousaid.analysis.CodeframeTheme;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.theme.CodeframeAssigner;

/**
 * Stage 6' (codeframe mode): each themable answer joins the officer's themes it fits (several, with
 * confidence, best first), or "other" when it fits none.
 */
public final class AssignToCodeframe {
  private final List<CodeframeTheme> codeframe;
  private final CodeframeAssigner assigner;

  /** Embeds the codeframe's names, descriptions and examples with the given model. */
  public AssignToCodeframe(List<CodeframeTheme> codeframe, SentenceEmbedder embedder) {
    this.codeframe = List.copyOf(codeframe);
    this.assigner = new CodeframeAssigner(codeframe, embedder);
  }

  public Grouping apply(List<AnswerRecord> records) {
    int k = codeframe.size();
    for (AnswerRecord r : records) {
      if (!r.themable()) continue;
      List<CodeframeAssigner.Assignment> as = assigner.assign(r.embedding());
      if (as.isEmpty()) r.addTheme(new Membership(k, 1.0));
      for (CodeframeAssigner.Assignment a : as)
        r.addTheme(new Membership(a.theme(), a.confidence()));
    }
    return new Grouping(k, null, codeframe.stream().map(CodeframeTheme::name).toList());
  }
}
