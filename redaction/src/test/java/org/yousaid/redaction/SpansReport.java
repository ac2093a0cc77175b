package org.yousaid.redaction;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tuning aid: prints every span the rules find in unlabelled lines, with its context. */
final class SpansReport {
  public static void main(String[] args) throws Exception {
    Redaction r = Redaction.standard();
    int lines = 0;
    int spans = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      lines++;
      for (var s : r.find(line)) {
        spans++;
        int from = Math.max(0, s.begin() - 40);
        int to = Math.min(line.length(), s.end() + 30);
        System.out.println(
            s.kind()
                + " «"
                + line.substring(s.begin(), s.end())
                + "»  …"
                + line.substring(from, to).replace('\n', ' ')
                + "…");
      }
    }
    System.out.println(lines + " lines, " + spans + " spans");
  }
}
