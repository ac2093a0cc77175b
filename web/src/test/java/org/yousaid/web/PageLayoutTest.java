package org.yousaid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared layout: escaped output, a start-up script the CSP hash allows, bundled assets only.
 */
class PageLayoutTest {

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
  private static final Pattern LOCAL_REFERENCE =
      Pattern.compile("(?:src|href)=\"/assets/([^\"]+)\"");

  private static String errorPage(String title, String detail) {
    return Pages.render("error", Map.of("pageTitle", title, "detail", detail));
  }

  @Test
  void whatAPersonTypedIsEscapedNeverMarkup() {
    String html = errorPage("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>");
    assertFalse(html.contains("<script>alert(1)"), html);
    assertFalse(html.contains("<img src=x"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), html);
  }

  @Test
  void theOnlyInlineScriptIsTheOneWhoseHashTheContentSecurityPolicyAllows() throws Exception {
    String html = errorPage("Page not found", "Check the address.");
    List<String> inline = new ArrayList<>();
    Matcher m = INLINE_SCRIPT.matcher(html);
    while (m.find()) {
      inline.add(m.group(1));
    }
    assertEquals(1, inline.size(), "inline scripts: " + inline);
    // The browser hashes the exact text between the tags, so a stray space in the template breaks
    // it.
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(inline.get(0).getBytes(StandardCharsets.UTF_8)));
    assertEquals("'sha256-" + hash + "'", InlineScripts.JS_ENABLED_HASH);
  }

  @Test
  void everyScriptAndStylesheetTheLayoutLoadsIsBundled() {
    String html = errorPage("Page not found", "Check the address.");
    Matcher m = LOCAL_REFERENCE.matcher(html);
    List<String> referenced = new ArrayList<>();
    while (m.find()) {
      referenced.add(m.group(1));
    }
    assertEquals(
        List.of("govuk-frontend.min.css", "yousaid.css", "govuk-frontend.min.js", "yousaid.js"),
        referenced);
    for (String name : referenced) {
      assertTrue(Assets.find(name).orElseThrow().text().length() > 100, name);
    }
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no CDN or other origin");
  }

  @Test
  void govukFrontendIsBundledWithoutTheGdsTransportFontOrSourceMaps() {
    String css = Assets.find("govuk-frontend.min.css").orElseThrow().text();
    assertTrue(css.contains(".govuk-button"), "GOV.UK Frontend's styles are there");
    assertFalse(css.contains("GDS Transport"), "the font may only be used on gov.uk domains");
    assertFalse(css.contains("@font-face"));
    assertFalse(css.contains("sourceMappingURL"));
    String js = Assets.find("govuk-frontend.min.js").orElseThrow().text();
    assertTrue(js.contains("initAll"), "GOV.UK Frontend's script is there");
    assertFalse(js.contains("sourceMappingURL"));
    assertEquals(
        "text/javascript; charset=utf-8",
        Assets.find("page-feedback.js").orElseThrow().contentType());
  }

  @Test
  void everyNameOnTheAllowListIsBundled() {
    assertTrue(Assets.names().contains("page-feedback.js"), "councils embed it: " + Assets.names());
    for (String name : Assets.names()) {
      Assets.Asset asset = Assets.find(name).orElseThrow();
      assertEquals(name, asset.name());
      assertFalse(asset.text().isBlank(), name);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../templates/layout.peb",
        "assets/yousaid.css",
        "/yousaid.css",
        "YOUSAID.CSS",
        "yousaid.css ",
        "templates/layout.peb",
        "log4j2.component.properties",
        ""
      })
  void onlyNamesOnTheAllowListAreServed(String name) {
    assertTrue(Assets.find(name).isEmpty(), name);
  }

  @Test
  void noNameIsNotAnAsset() {
    assertTrue(Assets.find(null).isEmpty());
  }
}
