package org.yousaid.functions.officer.dashboards;

import java.util.Locale;
import java.util.Optional;

/**
 * The "Was this page useful?" HTML a council pastes into its Local Offer pages. It is a plain form
 * that posts to the page-feedback API and works without JavaScript; the optional script sends it
 * with fetch() and thanks the reader in place. The markup uses GOV.UK Frontend classes but is plain
 * semantic HTML (fieldset, legend, labels), so it reads well on a site without GOV.UK's CSS. Each
 * radio is a paragraph: without any CSS the browser's paragraph spacing keeps the two small native
 * radios 24px apart (WCAG 2.2 target size).
 */
public final class FeedbackSnippet {

  /** Where the council's CMS puts the page's own address (the form needs it without JavaScript). */
  public static final String PAGE_URL_PLACEHOLDER =
      "https://www.example.gov.uk/local-offer/this-page";

  public static final String SERVICE_ID_PLACEHOLDER = "your-open-referral-service-id";

  private FeedbackSnippet() {}

  /**
   * The snippet for one council. {@code apiBase} is the API's absolute address (no trailing slash);
   * {@code subjectField} is "pageUrl" or "serviceId", {@code subject} its value.
   */
  public static String html(
      String apiBase, String council, String subjectField, String subject, boolean withScript) {
    if (!subjectField.equals("pageUrl") && !subjectField.equals("serviceId")) {
      throw new IllegalArgumentException("subjectField");
    }
    String action = apiBase + "/api/v1/councils/" + council + "/page-feedback";
    StringBuilder s = new StringBuilder();
    s.append("<form class=\"yousaid-feedback\" method=\"post\" action=\"")
        .append(attr(action))
        .append("\" data-yousaid-feedback>\n");
    s.append("  <input type=\"hidden\" name=\"")
        .append(subjectField)
        .append("\" value=\"")
        .append(attr(subject))
        .append("\">\n");
    s.append(
        """
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Was this page useful?</legend>
              <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                <p class="govuk-radios__item">
                  <input class="govuk-radios__input" id="yousaid-useful-yes" name="useful" type="radio" value="yes">
                  <label class="govuk-label govuk-radios__label" for="yousaid-useful-yes">Yes</label>
                </p>
                <p class="govuk-radios__item">
                  <input class="govuk-radios__input" id="yousaid-useful-no" name="useful" type="radio" value="no">
                  <label class="govuk-label govuk-radios__label" for="yousaid-useful-no">No</label>
                </p>
              </div>
            </fieldset>
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label" for="yousaid-comment">How could we improve this page? (optional)</label>
            <div id="yousaid-comment-hint" class="govuk-hint">Do not include personal information, such as your name or your child's name.</div>
            <textarea class="govuk-textarea" id="yousaid-comment" name="comment" rows="3" maxlength="1200" aria-describedby="yousaid-comment-hint"></textarea>
          </div>
          <div hidden>
            <label for="yousaid-website">Leave this empty</label>
            <input type="text" id="yousaid-website" name="website" tabindex="-1" autocomplete="off">
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Send feedback</button>
        </form>
        """);
    if (withScript) {
      s.append("<script src=\"")
          .append(attr(apiBase + "/assets/page-feedback.js"))
          .append("\" defer></script>\n");
    }
    return s.toString();
  }

  /**
   * The API's absolute address as the browser reached it: {@code configured} (a custom domain) if
   * set, otherwise from the Host and X-Forwarded-Proto headers API Gateway sends. Empty if neither
   * is usable.
   */
  public static Optional<String> apiBase(
      String configured, Optional<String> host, Optional<String> forwardedProto) {
    if (configured != null && !configured.isBlank()) {
      String c = configured.trim();
      return Optional.of(c.endsWith("/") ? c.substring(0, c.length() - 1) : c);
    }
    if (host.isEmpty() || !host.get().matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
      return Optional.empty();
    }
    String h = host.get().toLowerCase(Locale.ROOT);
    boolean loopback = h.startsWith("127.0.0.1") || h.startsWith("localhost");
    String scheme =
        forwardedProto
            .map(p -> p.toLowerCase(Locale.ROOT))
            .filter(p -> p.equals("http") || p.equals("https"))
            .orElse(loopback ? "http" : "https");
    return Optional.of(scheme + "://" + h);
  }

  private static String attr(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
