package org.yousaid.analysis.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.yousaid.analysis.ThemeOptions;
import org.yousaid.analysis.eval.CodeframeBenchmark;
import org.yousaid.analysis.represent.EmbeddingBatches;
import org.yousaid.analysis.represent.SentenceEmbedder;
import org.yousaid.analysis.sentiment.SentimentReading;
import org.yousaid.analysis.theme.codeframe.CodeframeClassifier;

/**
 * Benchmark commands ({@code bench
 * quality|speed|embedding|incremental|redaction|sentiment|sentiment-sets|sentiment-tune|sentiment-rules|codeframe|discovery|subthemes});
 * results go in docs/benchmarks.md. Every option is read before anything runs, so a mistyped one
 * fails at once.
 */
final class Benchmarks {
  private Benchmarks() {}

  static void run(String[] args) throws Exception {
    if (args.length < 2)
      throw new IllegalArgumentException(
          "bench quality|speed|sharded|embedding|incremental|redaction|sentiment|sentiment-sets|sentiment-tune|sentiment-rules|codeframe|discovery|subthemes|labels");
    Args a = new Args(args, 2);
    Callable<Object> benchmark = parse(args[1], a);
    a.rejectUnread();
    System.out.println(Main.JSON.writeValueAsString(benchmark.call()));
  }

  private static Callable<Object> parse(String name, Args a) {
    return switch (name) {
      case "sentiment" -> {
        Path sst = dataDir(a).resolve("sst");
        int subset = Integer.parseInt(a.get("corenlp-subset", "500"));
        var embedder = EngineFlags.embedder(a, ThemeOptions.defaults().embedder());
        yield () -> SentimentBenchmark.run(sst, subset, embedder);
      }
      case "sentiment-sets" -> {
        Path data = dataDir(a);
        String split = a.get("split", "dev");
        String models = a.get("models", "shipped");
        Path cache = a.has("embedding-cache") ? Path.of(a.required("embedding-cache")) : null;
        var embedder = EngineFlags.embedder(a, ThemeOptions.defaults().embedder());
        yield () -> SentimentSetsBenchmark.run(data, split, models, embedder, cache);
      }
      case "sentiment-rules" -> {
        Path data = dataDir(a);
        String split = a.get("split", "dev");
        String models = a.get("models", "shipped");
        // each setting "margin:contrast:omission:demand", e.g.
        // 0:false:false:false,0.1:true:true:true
        List<SentimentReading.Rules> grid = new java.util.ArrayList<>();
        for (String g : a.get("rules", "0:false:false:false,0.1:true:true:true").split(",")) {
          String[] f = g.split(":");
          grid.add(
              new SentimentReading.Rules(
                  Double.parseDouble(f[0]),
                  Boolean.parseBoolean(f[1]),
                  Boolean.parseBoolean(f[2]),
                  Boolean.parseBoolean(f[3])));
        }
        Path cache = a.has("embedding-cache") ? Path.of(a.required("embedding-cache")) : null;
        var embedder = EngineFlags.embedder(a, ThemeOptions.defaults().embedder());
        yield () -> SentimentSetsBenchmark.rules(data, split, models, grid, embedder, cache);
      }
      case "sentiment-tune" -> {
        Path data = dataDir(a);
        double[] weights = doubles(a.get("pxt-weights", "0,1,3,10"));
        double[] l2s = doubles(a.get("l2s", "1e-4"));
        Path cache = a.has("embedding-cache") ? Path.of(a.required("embedding-cache")) : null;
        var embedder = EngineFlags.embedder(a, ThemeOptions.defaults().embedder());
        Path modelsOut = a.has("models-out") ? Path.of(a.required("models-out")) : null;
        yield () -> SentimentSetsBenchmark.tune(data, weights, l2s, embedder, cache, modelsOut);
      }
      case "redaction" -> {
        int n = Integer.parseInt(a.get("n", "1000"));
        long seed = Long.parseLong(a.get("seed", "7"));
        Path evalDir = Path.of(a.get("eval-dir", "redaction/eval"));
        yield () -> RedactionBenchmark.run(n, seed, evalDir);
      }
      case "speed" -> {
        int[] sizes = sizes(a, "1000,10000");
        long seed = Long.parseLong(a.get("seed", "7"));
        ThemeOptions options = EngineFlags.apply(a, ThemeOptions.defaults());
        yield () -> SpeedBenchmark.run(sizes, seed, options);
      }
      case "sharded" -> {
        int[] sizes = sizes(a, "1000,10000");
        long seed = Long.parseLong(a.get("seed", "7"));
        Path datasets = dataDir(a);
        Path work =
            Path.of(
                a.get("work-dir", System.getProperty("java.io.tmpdir") + "/yousaid-bench-shards"));
        int shardSize = Integer.parseInt(a.get("shard-size", "1000"));
        int sample = Integer.parseInt(a.get("sample", "2000"));
        int baseline = Integer.parseInt(a.get("baseline", "10000"));
        ThemeOptions options = EngineFlags.apply(a, ThemeOptions.defaults());
        yield () ->
            ShardedBenchmark.run(sizes, seed, datasets, work, shardSize, sample, baseline, options);
      }
      case "embedding" -> {
        int[] sizes = sizes(a, "2000,10000");
        long seed = Long.parseLong(a.get("seed", "7"));
        var embedder = EngineFlags.embedder(a, ThemeOptions.defaults().embedder());
        List<EmbeddingBatches.Batching> ways =
            Arrays.stream(a.get("batchings", "content,length,one").split(","))
                .map(w -> EmbeddingBatches.Batching.valueOf(w.toUpperCase(java.util.Locale.ROOT)))
                .toList();
        yield () -> EmbeddingBenchmark.run(sizes, seed, embedder, ways);
      }
      case "incremental" -> {
        int size = Integer.parseInt(a.get("size", "2000"));
        long seed = Long.parseLong(a.get("seed", "7"));
        ThemeOptions options = EngineFlags.apply(a, ThemeOptions.defaults());
        int repeat = Integer.parseInt(a.get("repeat", "1"));
        Path jfr = a.has("jfr") ? Path.of(a.get("jfr", null)) : null;
        yield () -> IncrementalBenchmark.run(size, seed, options, repeat, jfr);
      }
      case "quality" -> {
        Path data = dataDir(a);
        long[] seeds =
            Arrays.stream(a.get("seeds", "1,2,3").split(",")).mapToLong(Long::parseLong).toArray();
        List<String> sets = List.of(a.get("sets", "so20,banking77").split(","));
        QualityBenchmark.Rows rows =
            new QualityBenchmark.Rows(
                !a.flag("auto-only"),
                !a.flag("no-auto"),
                Arrays.stream(a.get("ks", "").split(","))
                    .map(String::strip)
                    .filter(k -> !k.isEmpty())
                    .map(Integer::valueOf)
                    .toList());
        ThemeOptions engine = EngineFlags.apply(a, ThemeOptions.defaults());
        yield () -> QualityBenchmark.run(data, seeds, sets, rows, engine);
      }
      case "discovery" -> DiscoveryBenchmark.parse(a);
      case "subthemes" -> SubThemeBenchmark.parse(a);
      case "labels" -> LabelBenchmark.parse(a);
      case "codeframe" -> {
        Path data = dataDir(a);
        String split = a.get("split", "dev");
        int draws = Integer.parseInt(a.get("draws", "3"));
        int shots = Integer.parseInt(a.get("shots", "10"));
        String cache = a.get("embedding-cache", null);
        String methods = a.get("methods", null); // ";"-separated method names, as in the table
        boolean byQuestion = a.flag("by-question"); // rows per pxt question as well
        CodeframeClassifier.Settings settings = codeframeSettings(a);
        yield () -> {
          var bench =
              new CodeframeBenchmark(new SentenceEmbedder(), cache == null ? null : Path.of(cache));
          if (methods != null)
            bench.onlyMethods(
                java.util.Arrays.stream(methods.split(";"))
                    .map(String::strip)
                    .collect(java.util.stream.Collectors.toSet()));
          if (byQuestion) bench.scoreEachQuestion();
          var rows = bench.run(data, split, draws, shots, settings);
          bench.saveCache();
          System.err.print(CodeframeBenchmark.markdown(rows));
          return rows;
        };
      }
      default -> throw new IllegalArgumentException("unknown benchmark " + name);
    };
  }

  /** {@code --sizes}: numbers of answers, comma-separated. */
  static int[] sizes(Args a, String fallback) {
    return Arrays.stream(a.get("sizes", fallback).split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** The classifier's defaults, each overridable as {@code --codeframe-NAME value}. */
  private static CodeframeClassifier.Settings codeframeSettings(Args a) {
    CodeframeClassifier.Settings d = CodeframeClassifier.Settings.DEFAULTS;
    return new CodeframeClassifier.Settings(
        Double.parseDouble(a.get("codeframe-temperature", String.valueOf(d.temperature()))),
        Double.parseDouble(a.get("codeframe-feature-scale", String.valueOf(d.featureScale()))),
        Double.parseDouble(a.get("codeframe-l2", String.valueOf(d.l2()))),
        Integer.parseInt(a.get("codeframe-epochs", String.valueOf(d.epochs()))),
        Boolean.parseBoolean(a.get("codeframe-adapt-priors", String.valueOf(d.adaptPriors()))),
        Double.parseDouble(a.get("codeframe-second-ratio", String.valueOf(d.secondRatio()))),
        Boolean.parseBoolean(a.get("codeframe-sentences", String.valueOf(d.sentences()))),
        Double.parseDouble(
            a.get("codeframe-sentence-minimum", String.valueOf(d.sentenceMinimum()))),
        Double.parseDouble(
            a.get("codeframe-no-fit-deviations", String.valueOf(d.noFitDeviations()))),
        Double.parseDouble(a.get("codeframe-zero-shot-weight", String.valueOf(d.zeroShotWeight()))),
        Double.parseDouble(
            a.get("codeframe-neighbour-weight", String.valueOf(d.neighbourWeight()))),
        Double.parseDouble(a.get("codeframe-new-topic-alpha", String.valueOf(d.newTopicAlpha()))),
        CodeframeClassifier.References.valueOf(
            a.get("codeframe-references", d.references().name())
                .toUpperCase(java.util.Locale.ROOT)),
        Double.parseDouble(
            a.get(
                "codeframe-example-neighbours-weight",
                String.valueOf(d.exampleNeighboursWeight()))),
        Double.parseDouble(a.get("codeframe-lexical-weight", String.valueOf(d.lexicalWeight()))),
        Double.parseDouble(a.get("codeframe-lexical-scale", String.valueOf(d.lexicalScale()))),
        Integer.parseInt(
            a.get("codeframe-calibration-folds", String.valueOf(d.calibrationFolds()))),
        Double.parseDouble(
            a.get("codeframe-calibration-bias-l2", String.valueOf(d.calibrationBiasL2()))),
        Double.parseDouble(
            a.get(
                "codeframe-zero-shot-lexical-weight", String.valueOf(d.zeroShotLexicalWeight()))));
  }

  private static double[] doubles(String list) {
    return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  private static Path dataDir(Args a) {
    return Path.of(
        a.get("data-dir", System.getenv().getOrDefault("YOUSAID_DATA_DIR", "/work/data")));
  }
}
