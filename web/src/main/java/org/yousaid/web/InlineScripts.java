package org.yousaid.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The single inline script GOV.UK Frontend needs before the page paints, allowed by its CSP hash.
 */
public final class InlineScripts {

  public static final String JS_ENABLED =
      "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

  public static final String JS_ENABLED_HASH = "'sha256-" + sha256(JS_ENABLED) + "'";

  private InlineScripts() {}

  private static String sha256(String script) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
