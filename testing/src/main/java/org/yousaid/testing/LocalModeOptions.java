package org.yousaid.testing;

/**
 * How a test wants local mode started, in the words local mode's own settings use.
 *
 * @param pageFeedbackOrigins council sites allowed to send page feedback from script, as {@code
 *     PAGE_FEEDBACK_ORIGINS} (e.g. {@code demo=https://localoffer.demo.gov.uk}); empty for none
 * @param publicRateLimit the public routes' limit, as {@code PUBLIC_RATE_LIMIT} ({@code 60/60} or
 *     {@code off}); empty for local mode's default
 */
public record LocalModeOptions(String pageFeedbackOrigins, String publicRateLimit) {

  public static final LocalModeOptions DEFAULT = new LocalModeOptions("", "");

  static LocalModeOptions of(WithLocalMode annotation) {
    return new LocalModeOptions(annotation.pageFeedbackOrigins(), annotation.publicRateLimit());
  }
}
