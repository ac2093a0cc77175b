package org.yousaid.analysis.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yousaid.analysis.Answer;

/**
 * Many varied answers, generated one at a time (never all in memory): for the sharded benchmark's
 * 100,000 answers, where the speed benchmark's templates alone would repeat (a few thousand
 * distinct texts) and duplicates are analysed once, which would flatter the timings. Two in five
 * answers are real NHS patient-feedback comments (pxt-phase1, 10,932 comments coded by people; each
 * used once as it is, then with a SEND-parent sentence added so the text is new); the rest are the
 * speed benchmark's SEND-parent answers ({@link SyntheticAnswers}: 5% with personal data) with a
 * detail about the child half of the time; every 33rd is the campaign copy.
 */
final class VariedAnswers implements Iterable<Answer> {
  private static final String[] DETAILS = {
    "my son is %d and has autism",
    "my daughter is %d and has an EHC plan",
    "we have been waiting %d months for help",
    "our child has been out of school for %d weeks",
    "we live %d miles from the nearest special school",
    "my %d year old needs two to one support",
    "I have asked for help %d times this year",
    "it took %d phone calls to get an answer"
  };

  private final int size;
  private final long seed;
  private final List<String> comments;

  VariedAnswers(int size, long seed, Path datasets) {
    this.size = size;
    this.seed = seed;
    this.comments = comments(datasets.resolve("pxt-phase1").resolve("text_data.csv"));
  }

  private static List<String> comments(Path csv) {
    List<String> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String text = rec.get("feedback").strip();
        if (text.length() >= 10) out.add(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public Iterator<Answer> iterator() {
    SyntheticAnswers gen = new SyntheticAnswers(seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    int[] order = permutation(comments.size(), random);
    return new Iterator<>() {
      int i, nextComment;

      @Override
      public boolean hasNext() {
        return i < size;
      }

      @Override
      public Answer next() {
        if (i >= size) throw new NoSuchElementException();
        int n = i++;
        String id = "a" + n;
        if (n % 33 == 0) return new Answer(id, SpeedBenchmark.CAMPAIGN, n % 2 == 0);
        if (n % 5 < 2) {
          int c = nextComment++;
          String comment = comments.get(order[c % order.length]);
          String text = c < order.length ? comment : comment + " " + gen.answer().text();
          return new Answer(id, text, random.nextBoolean());
        }
        String text = (n % 20 == 0 ? gen.answerWithPersonalData() : gen.answer()).text();
        if (random.nextBoolean())
          text =
              text.substring(0, text.length() - 1)
                  + ", "
                  + String.format(
                      java.util.Locale.ROOT,
                      DETAILS[random.nextInt(DETAILS.length)],
                      2 + random.nextInt(17))
                  + ".";
        return new Answer(id, text, random.nextBoolean());
      }
    };
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1), t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The answers as a list, for the in-process baseline (which needs them all at once). */
  List<Answer> toList() {
    List<Answer> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }
}
