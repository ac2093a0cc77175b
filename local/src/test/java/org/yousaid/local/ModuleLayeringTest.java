package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Libraries sit below the Lambda layer: no library module (every module of the root POM except the
 * functions and the developer harnesses) depends on a function module or names a class in {@code
 * org.yousaid.functions}, in its sources or its compiled classes. Harnesses (local mode, browser
 * tests, benchmarks) drive the functions, so they are the only modules allowed to.
 */
class ModuleLayeringTest {

  /** Developer harnesses: they run the functions, and are never a dependency of one. */
  private static final List<String> HARNESSES = List.of("local", "e2e", "benchmarks");

  private static final Path ROOT = Path.of(System.getProperty("yousaid.repo.root", ".."));
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern OWN_ARTIFACT_ID =
      Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
  private static final String FUNCTIONS_PACKAGE = "org.yousaid.functions";

  private static List<String> modules() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (m.find()) {
      modules.add(m.group(1).trim());
    }
    return modules;
  }

  private static List<String> libraryModules() throws IOException {
    List<String> libraries =
        modules().stream()
            .filter(module -> !module.startsWith("functions/") && !HARNESSES.contains(module))
            .toList();
    // The layers this test exists for; if one disappears from the list, the test must be revisited.
    assertTrue(
        libraries.containsAll(List.of("shared", "redaction", "reports", "analysis", "publishing")),
        "library modules: " + libraries);
    return libraries;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void noLibraryModuleDependsOnAFunctionModule() throws IOException {
    List<String> functionArtifacts = new ArrayList<>();
    for (String module : modules()) {
      if (module.startsWith("functions/")) {
        Matcher m =
            OWN_ARTIFACT_ID.matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
        assertTrue(m.find(), module + "/pom.xml has its own artifactId");
        functionArtifacts.add(m.group(1));
      }
    }
    assertTrue(functionArtifacts.contains("yousaid-function-common"), "" + functionArtifacts);
    List<String> offending = new ArrayList<>();
    for (String library : libraryModules()) {
      String pom = Files.readString(ROOT.resolve(library).resolve("pom.xml"));
      for (String artifact : functionArtifacts) {
        if (pom.contains("<artifactId>" + artifact + "</artifactId>")) {
          offending.add(library + "/pom.xml -> " + artifact);
        }
      }
    }
    assertTrue(offending.isEmpty(), "libraries depending on a function module: " + offending);
  }

  @Test
  void noLibrarySourceNamesTheFunctionsPackage() throws IOException {
    List<String> offending = new ArrayList<>();
    int scanned = 0;
    for (String library : libraryModules()) {
      for (String tree : List.of("src/main/java", "src/test/java")) {
        for (Path source : files(ROOT.resolve(library).resolve(tree), ".java")) {
          scanned++;
          // Whitespace removed, so a name split across lines is still found.
          String text = Files.readString(source).replaceAll("\\s+", "");
          if (text.contains(FUNCTIONS_PACKAGE)) {
            offending.add(ROOT.relativize(source).toString());
          }
        }
      }
    }
    assertTrue(scanned > 100, "scanned only " + scanned + " library sources");
    assertTrue(
        offending.isEmpty(), "library sources naming " + FUNCTIONS_PACKAGE + ": " + offending);
  }

  @Test
  void noCompiledLibraryClassReferencesTheFunctionsPackage() throws IOException {
    // Every class a compiled class uses is named in its constant pool, as org/yousaid/functions/...
    byte[] needle = FUNCTIONS_PACKAGE.replace('.', '/').getBytes(StandardCharsets.UTF_8);
    List<String> offending = new ArrayList<>();
    List<String> built = new ArrayList<>();
    for (String library : libraryModules()) {
      List<Path> classes = files(ROOT.resolve(library).resolve("target/classes"), ".class");
      if (!classes.isEmpty()) {
        built.add(library);
      }
      for (Path classFile : classes) {
        if (indexOf(Files.readAllBytes(classFile), needle) >= 0) {
          offending.add(ROOT.relativize(classFile).toString());
        }
      }
    }
    assertTrue(
        offending.isEmpty(),
        "library classes referencing "
            + FUNCTIONS_PACKAGE
            + " (stale? ./mvnw clean): "
            + offending);
    // Local mode's own build compiles every library it uses before these tests run.
    assertTrue(
        built.containsAll(
            List.of("shared", "redaction", "reports", "analysis", "publishing", "web")),
        "compiled library modules found: " + built);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
