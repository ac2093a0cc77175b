package org.yousaid.functions.notifier;

import java.util.Map;
import org.yousaid.shared.register.EmailAddress;

/**
 * The notifier's settings (template.yaml): who the emails are from, where respondents stop them
 * (the public address) and where the published "You said, we did" pages are.
 *
 * @param sender ALERT_SENDER: a verified SES identity's address
 * @param publicUrl PUBLIC_URL: the public forms' address, for the unsubscribe and receipt links
 * @param siteUrl SITE_URL: the published site's address
 */
public record NotifierConfig(String sender, String publicUrl, String siteUrl) {

  public static final String SENDER = "ALERT_SENDER";
  public static final String PUBLIC_URL = "PUBLIC_URL";
  public static final String SITE_URL = "SITE_URL";

  public NotifierConfig {
    if (EmailAddress.parse(sender).isEmpty()) {
      throw new IllegalArgumentException(SENDER + " must be an email address");
    }
    publicUrl = withoutSlash(publicUrl, PUBLIC_URL);
    siteUrl = withoutSlash(siteUrl, SITE_URL);
  }

  private static String withoutSlash(String url, String name) {
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new IllegalArgumentException(name + " must be an http(s) address");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public static NotifierConfig from(Map<String, String> environment) {
    return new NotifierConfig(
        environment.get(SENDER), environment.get(PUBLIC_URL), environment.get(SITE_URL));
  }
}
