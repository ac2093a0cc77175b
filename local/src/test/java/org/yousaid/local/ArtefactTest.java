package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The public submission artefact stays small and never carries the NLP engine or its models; no
 * deployed artefact carries a developer tool (CLI, benchmark, evaluation, local mode).
 */
class ArtefactTest {

  private static final long MAX_PUBLIC_BYTES = 15L * 1024 * 1024;
  private static final List<String> NLP_PACKAGES =
      List.of(
          "edu/stanford/nlp/",
          "ai/onnxruntime/",
          "ai/djl/",
          "org/yousaid/analysis/",
          "org/apache/lucene/",
          "dev/langchain4j/");

  @Test
  void publicFunctionJarIsUnder15MbAndHasNoNlpLibrary() throws Exception {
    Path root = Path.of(System.getProperty("yousaid.repo.root", ".."));
    Path jar = root.resolve("functions/public/target/yousaid-public.jar");
    assertTrue(
        Files.exists(jar),
        "Build the public artefact first (./mvnw verify builds it before these tests): " + jar);
    long size = Files.size(jar);
    assertTrue(size <= MAX_PUBLIC_BYTES, "public artefact is " + size + " bytes, over 15 MB");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> nlp =
          zip.stream()
              .map(e -> e.getName())
              .filter(
                  name ->
                      NLP_PACKAGES.stream().anyMatch(name::startsWith)
                          || name.endsWith(".onnx")
                          || name.endsWith(".ser.gz"))
              .limit(5)
              .toList();
      assertTrue(nlp.isEmpty(), "public artefact carries NLP code or models: " + nlp);
    }
  }

  @Test
  void noDeployedFunctionJarCarriesACommandLineBenchmarkOrEvaluation() throws Exception {
    Path root = Path.of(System.getProperty("yousaid.repo.root", ".."));
    for (String artefact :
        List.of(
            "functions/public/target/yousaid-public.jar",
            "functions/officer/target/yousaid-officer.jar",
            "functions/publisher/target/yousaid-publisher.jar",
            "functions/analysis-worker/target/yousaid-analysis-worker.jar")) {
      Path jar = root.resolve(artefact);
      assertTrue(Files.exists(jar), "Build the function artefacts first: " + jar);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        List<String> tools =
            zip.stream()
                .map(e -> e.getName())
                .filter(name -> name.startsWith("org/yousaid/"))
                .filter(
                    name ->
                        name.contains("/cli/")
                            || name.contains("/bench/")
                            || name.contains("/eval/")
                            || name.startsWith("org/yousaid/local/"))
                .limit(5)
                .toList();
        assertTrue(tools.isEmpty(), artefact + " carries developer tools: " + tools);
      }
    }
  }
}
