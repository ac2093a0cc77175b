package org.yousaid.redaction;

import java.nio.file.Path;
import org.yousaid.redaction.eval.LabelledAnswer;
import org.yousaid.redaction.eval.RedactionScore;

/** Tuning aid: prints the rules' misses and false alarms on the dev half (never the held-out). */
final class DevSetReport {
  public static void main(String[] args) throws Exception {
    Redaction r = Redaction.standard();
    RedactionScore score = new RedactionScore();
    for (LabelledAnswer a :
        LabelledAnswer.read(Path.of(args.length > 0 ? args[0] : "eval/dev.txt"))) {
      var spans = r.find(a.text());
      score.add(a.text(), a.gold(), spans);
      for (var g : a.gold()) {
        boolean hit = spans.stream().anyMatch(s -> s.begin() < g.end() && g.begin() < s.end());
        if (!hit)
          System.out.println(
              "MISS "
                  + g.kind()
                  + " «"
                  + a.text().substring(g.begin(), g.end())
                  + "» in: "
                  + a.text());
      }
      for (var s : spans) {
        boolean ok = a.gold().stream().anyMatch(g -> s.begin() < g.end() && g.begin() < s.end());
        if (!ok)
          System.out.println(
              "FALSE "
                  + s.kind()
                  + " «"
                  + a.text().substring(s.begin(), s.end())
                  + "» in: "
                  + a.text());
      }
    }
    score.table().forEach((k, v) -> System.out.println(k + " " + v));
  }
}
