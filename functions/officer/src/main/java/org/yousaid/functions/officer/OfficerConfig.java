package org.yousaid.functions.officer;

import java.util.Map;

/**
 * The environment values the officer function reads, read once when the function starts rather than
 * wherever each is needed.
 *
 * @param siteUrl the published site's address, for links to it ({@code SITE_URL}; local mode serves
 *     the site from the same origin, so "/" when unset)
 * @param publicApiUrl the API's public address when it is not the one the officer's browser used, a
 *     custom domain ({@code PUBLIC_API_URL}; null when unset)
 * @param analysisQueueUrl the SQS queue analysis requests go to ({@code ANALYSIS_QUEUE_URL}; null
 *     when unset, as in local mode, which passes its own queue)
 * @param publishQueueUrl the SQS queue publish requests go to ({@code PUBLISH_QUEUE_URL}; null when
 *     unset)
 */
public record OfficerConfig(
    String siteUrl,
    String publicApiUrl,
    String analysisQueueUrl,
    String publishQueueUrl,
    boolean servicesFeedFromThisMachine) {

  public static final String SITE_URL = "SITE_URL";
  public static final String PUBLIC_API_URL = "PUBLIC_API_URL";
  public static final String ANALYSIS_QUEUE_URL = "ANALYSIS_QUEUE_URL";
  public static final String PUBLISH_QUEUE_URL = "PUBLISH_QUEUE_URL";

  /**
   * Local mode only: "true" lets an officer fetch an Open Referral UK feed over http and from this
   * machine (127.0.0.1), so a feed served locally can be tried. Never set in AWS, where a feed must
   * be https on the public internet.
   */
  public static final String SERVICES_FEED_FROM_THIS_MACHINE = "SERVICES_FEED_FROM_THIS_MACHINE";

  public static OfficerConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static OfficerConfig from(Map<String, String> environment) {
    String site = value(environment, SITE_URL);
    return new OfficerConfig(
        site == null ? "/" : site,
        value(environment, PUBLIC_API_URL),
        value(environment, ANALYSIS_QUEUE_URL),
        value(environment, PUBLISH_QUEUE_URL),
        "true".equals(value(environment, SERVICES_FEED_FROM_THIS_MACHINE)));
  }

  /** The analysis queue's URL; in AWS the function cannot start without it. */
  String requiredAnalysisQueueUrl() {
    return required(ANALYSIS_QUEUE_URL, analysisQueueUrl);
  }

  /** The publish queue's URL; in AWS the function cannot start without it. */
  String requiredPublishQueueUrl() {
    return required(PUBLISH_QUEUE_URL, publishQueueUrl);
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static String required(String name, String value) {
    if (value == null) {
      throw new IllegalStateException("Set " + name);
    }
    return value;
  }
}
