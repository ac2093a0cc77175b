package org.yousaid.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders server-side HTML pages from Pebble templates under {@code templates/} on the classpath:
 * this module's base {@code layout} and {@code error}, and each caller's own (the functions' pages,
 * publishing's {@code published/}). Auto-escaping is on for every variable, so nothing a person
 * typed can become markup. The layout's start-up script is {@link InlineScripts#JS_ENABLED}, whose
 * hash the functions' Content-Security-Policy allows.
 */
public final class Pages {

  private static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          .loader(classpathLoader())
          .autoEscaping(true)
          .strictVariables(false)
          .newLineTrimming(true)
          .extension(new PageFilters())
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
