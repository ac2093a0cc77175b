package org.yousaid.functions.common.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.yousaid.functions.common.http.InlineScripts;

/**
 * Renders server-side HTML pages from Pebble templates under {@code templates/} on the classpath.
 * Auto-escaping is on for every variable, so nothing a person typed can become markup.
 */
public final class Pages {

  private static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          .loader(classpathLoader())
          .autoEscaping(true)
          .strictVariables(false)
          .newLineTrimming(true)
          .build();

  private Pages() {}

  private static ClasspathLoader classpathLoader() {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    return loader;
  }

  public static String render(String template, Map<String, ?> model) {
    Map<String, Object> context = new HashMap<>(model);
    context.putIfAbsent("jsEnabledScript", InlineScripts.JS_ENABLED);
    StringWriter out = new StringWriter();
    try {
      ENGINE.getTemplate(template).evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
