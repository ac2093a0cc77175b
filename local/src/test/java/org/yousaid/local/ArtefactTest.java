package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What is deployed stays lean: the public submission artefact is small and never carries the NLP
 * engine or its models, and no function artefact carries developer tools (benchmarks, CLIs,
 * evaluation code, local mode).
 */
class ArtefactTest {

  private static final Path ROOT = Path.of(System.getProperty("yousaid.repo.root", ".."));
  private static final long MAX_PUBLIC_BYTES = 15L * 1024 * 1024;
  private static final List<String> NLP_PACKAGES =
      List.of(
          "edu/stanford/nlp/",
          "ai/onnxruntime/",
          "ai/djl/",
          "org/yousaid/analysis/",
          "org/apache/lucene/",
          "dev/langchain4j/");

  /**
   * Our classes in a {@code bench}, {@code cli} or {@code eval} package at any depth, and anything
   * of local mode. Only under {@code org/yousaid/}: libraries' own packages of those names (Apache
   * POI's formula {@code eval}, which writing XLSX needs; commons-codec's {@code cli}) are theirs.
   * Also veraPDF, which only the reports' tests use to validate the committee PDF.
   */
  private static final Pattern DEVELOPER_ONLY =
      Pattern.compile(
          "org/yousaid/(?:[^/]+/)*(?:bench|cli|eval)/[^/]+\\.class|org/yousaid/local/.+"
              + "|org/verapdf/.+");

  private static final Pattern MAKE_VARIABLE =
      Pattern.compile("(?m)^([A-Z_]+)\\s*:=\\s*(\\S+\\.jar)\\s*$");
  private static final Pattern MAKE_BUILD_TARGET =
      Pattern.compile("(?m)^build-([A-Za-z0-9]+):\\s*\\$\\(([A-Z_]+)\\)");

  @Test
  void publicFunctionJarIsUnder15MbAndHasNoNlpLibrary() throws Exception {
    Path jar = ROOT.resolve("functions/public/target/yousaid-public.jar");
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
      List<String> mail =
          zip.stream()
              .map(e -> e.getName())
              .filter(
                  name ->
                      name.startsWith("software/amazon/awssdk/services/sesv2/")
                          || name.startsWith("jakarta/mail/")
                          || name.startsWith("org/yousaid/functions/notifier/"))
              .limit(5)
              .toList();
      assertTrue(mail.isEmpty(), "the public function sends no email itself: " + mail);
    }
  }

  /**
   * The publisher's jar (both publishing functions) stays within bounds: the CloudFront client for
   * invalidations is one more AWS SDK service module on the same HTTP client, not a second SDK or
   * client. It is a big module for one call (about 3,100 classes): the jar went from 22.9 MB to
   * 28.2 MB with it; only the classes used are loaded, so start-up is not 5 MB slower.
   */
  @Test
  void publisherJarIsUnder30MibWithOneHttpClient() throws Exception {
    Path jar = ROOT.resolve("functions/publisher/target/yousaid-publisher.jar");
    assertTrue(Files.exists(jar), "Build the publisher artefact first: " + jar);
    long size = Files.size(jar);
    assertTrue(size <= 30L * 1024 * 1024, "publisher artefact is " + size + " bytes, over 30 MiB");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> otherClients =
          zip.stream()
              .map(e -> e.getName())
              .filter(
                  name ->
                      name.startsWith("software/amazon/awssdk/http/apache/")
                          || name.startsWith("software/amazon/awssdk/http/nio/netty/")
                          || name.startsWith("io/netty/"))
              .limit(5)
              .toList();
      assertTrue(
          otherClients.isEmpty(), "the publisher carries another HTTP client: " + otherClients);
    }
  }

  @Test
  void noDeployedFunctionJarCarriesBenchmarksCliEvaluationOrLocalMode() throws Exception {
    Set<Path> jars = new LinkedHashSet<>(deployedJars().values());
    Map<Path, List<String>> offending = new LinkedHashMap<>();
    for (Path jar : jars) {
      assertTrue(
          Files.exists(jar),
          "Build the function artefacts first (./mvnw verify builds them before these tests): "
              + jar);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        List<String> found =
            zip.stream()
                .map(e -> e.getName())
                .filter(name -> DEVELOPER_ONLY.matcher(name).matches())
                .sorted()
                .toList();
        if (!found.isEmpty()) {
          offending.put(ROOT.relativize(jar), found);
        }
      }
    }
    StringBuilder report = new StringBuilder();
    offending.forEach(
        (jar, names) ->
            report
                .append('\n')
                .append(jar)
                .append(" (")
                .append(names.size())
                .append("):\n  ")
                .append(String.join("\n  ", names)));
    assertTrue(offending.isEmpty(), "deployed function jars carry developer-only code:" + report);
  }

  /**
   * Every function of template.yaml, with the shaded jar its Makefile target ({@code
   * build-<LogicalId>}, run by {@code sam build}) copies into the deployment package.
   */
  private static Map<String, Path> deployedJars() throws IOException {
    String makefile = Files.readString(ROOT.resolve("Makefile"));
    Map<String, String> variables = new HashMap<>();
    Matcher v = MAKE_VARIABLE.matcher(makefile);
    while (v.find()) {
      variables.put(v.group(1), v.group(2));
    }
    Map<String, String> targets = new HashMap<>();
    Matcher t = MAKE_BUILD_TARGET.matcher(makefile);
    while (t.find()) {
      targets.put(t.group(1), t.group(2));
    }
    List<String> functions = new ArrayList<>();
    try (InputStream template = Files.newInputStream(ROOT.resolve("template.yaml"))) {
      SamTemplate.parse(template).functions().forEach(f -> functions.add(f.logicalId()));
    }
    assertTrue(functions.size() >= 5, "functions in template.yaml: " + functions);
    Map<String, Path> jars = new LinkedHashMap<>();
    for (String function : functions) {
      String variable = targets.get(function);
      assertTrue(variable != null, "no Makefile target build-" + function + " copying a jar");
      String jar = variables.get(variable);
      assertTrue(jar != null, "Makefile variable " + variable + " names no jar");
      jars.put(function, ROOT.resolve(jar));
    }
    // The four shaded artefacts: public (two functions), officer, analysis worker, publisher.
    assertTrue(Set.copyOf(jars.values()).size() >= 4, "deployed jars: " + jars);
    return jars;
  }
}
