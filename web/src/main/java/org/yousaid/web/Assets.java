package org.yousaid.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CSS and JS bundled under {@code assets/} on the classpath (GOV.UK Frontend's, with the GDS
 * font removed, and ours): an allow-list of names, never a file path.
 */
public final class Assets {

  /** One bundled file; every asset is text. */
  public record Asset(String name, String contentType, String text) {
    public byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final Map<String, String> TYPES =
      Map.of(
          "govuk-frontend.min.css", "text/css; charset=utf-8",
          "govuk-frontend.min.js", "text/javascript; charset=utf-8",
          "yousaid.css", "text/css; charset=utf-8",
          "yousaid.js", "text/javascript; charset=utf-8",
          "page-feedback.js", "text/javascript; charset=utf-8");
  private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  public static Set<String> names() {
    return TYPES.keySet();
  }

  /** The asset with this exact name, or empty for any name not on the allow-list. */
  public static Optional<Asset> find(String name) {
    if (name == null || !TYPES.containsKey(name)) {
      return Optional.empty();
    }
    return Optional.of(CACHE.computeIfAbsent(name, Assets::load));
  }

  private static Asset load(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("assets/" + name)) {
      if (in == null) {
        // On the allow-list but not bundled: a broken build, not a visitor's mistake.
        throw new IllegalStateException("The asset " + name + " is missing from the classpath");
      }
      return new Asset(
          name, TYPES.get(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
