package org.yousaid.analysis.cli;

import java.nio.file.Path;

/**
 * Benchmark commands ({@code bench quality|speed|redaction|sentiment}); results go in
 * docs/benchmarks.md.
 */
final class Benchmarks {
  private Benchmarks() {}

  static void run(String[] args) throws Exception {
    if (args.length < 2)
      throw new IllegalArgumentException("bench quality|speed|redaction|sentiment");
    Args a = new Args(args, 2);
    Path data =
        Path.of(a.get("data-dir", System.getenv().getOrDefault("YOUSAID_DATA_DIR", "/work/data")));
    Object result =
        switch (args[1]) {
          case "sentiment" ->
              SentimentBenchmark.run(
                  data.resolve("sst"), Integer.parseInt(a.get("corenlp-subset", "500")));
          case "redaction" ->
              RedactionBenchmark.run(
                  Integer.parseInt(a.get("n", "1000")), Long.parseLong(a.get("seed", "7")));
          case "speed" ->
              SpeedBenchmark.run(
                  java.util.Arrays.stream(a.get("sizes", "1000,10000").split(","))
                      .mapToInt(Integer::parseInt)
                      .toArray(),
                  Long.parseLong(a.get("seed", "7")));
          case "quality" ->
              QualityBenchmark.run(
                  data,
                  java.util.Arrays.stream(a.get("seeds", "1,2,3").split(","))
                      .mapToLong(Long::parseLong)
                      .toArray(),
                  java.util.List.of(a.get("sets", "so20,banking77").split(",")));
          case "codeframe" -> {
            var bench =
                new org.yousaid.analysis.eval.CodeframeBenchmark(
                    new org.yousaid.analysis.represent.SentenceEmbedder());
            String cache = System.getProperty("yousaid.bench.cache");
            if (cache != null) bench.loadCache(Path.of(cache));
            var rows =
                bench.run(
                    data,
                    a.get("split", "dev"),
                    Integer.parseInt(a.get("draws", "3")),
                    Integer.parseInt(a.get("shots", "10")),
                    org.yousaid.analysis.theme.codeframe.CodeframeClassifier.Settings
                        .fromSystemProperties());
            if (cache != null) bench.saveCache(Path.of(cache));
            System.err.print(org.yousaid.analysis.eval.CodeframeBenchmark.markdown(rows));
            yield rows;
          }
          default -> throw new IllegalArgumentException("unknown benchmark " + args[1]);
        };
    System.out.println(Main.JSON.writeValueAsString(result));
  }
}
