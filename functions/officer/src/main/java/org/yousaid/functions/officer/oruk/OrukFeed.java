package org.yousaid.functions.officer.oruk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Reads an Open Referral UK (HSDS 3.0) services feed: the paginated {@code /services} response
 * ({@code {"total_pages":…, "page_number":…, "contents":[…]}}), a plain array of services, or a
 * dataset object with a {@code services} array. Each service needs an {@code id} (as page feedback
 * accepts it: letters, digits, dashes, dots, colons, up to 100 characters) and a {@code name}; a
 * {@code url}, if any, must be a web address; ids must be unique. A feed with any wrong service is
 * refused with every problem found (up to 20), so a broken feed never replaces a good one.
 */
public final class OrukFeed {

  public static final int MAX_BYTES = 5 * 1024 * 1024;
  public static final int MAX_SERVICES = 5_000;
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,99}");
  private static final Set<String> STATUSES =
      Set.of("active", "inactive", "defunct", "temporarily closed");
  private static final int MAX_NAME = 300;

  /** One page of a feed: its services, and how many pages the feed says it has. */
  public record Page(List<OrukService> services, int totalPages) {}

  private OrukFeed() {}

  public static Page read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw ProblemException.tooLarge("The feed is larger than 5 MB.");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw invalid("The feed is not JSON: " + shorten(e.getOriginalMessage()));
    } catch (IOException e) {
      throw invalid("The feed could not be read.");
    }
    if (root == null || root.isMissingNode()) {
      throw invalid("The feed is empty.");
    }
    JsonNode list;
    int pages = 1;
    if (root.isArray()) {
      list = root;
    } else if (root.isObject() && root.path("contents").isArray()) {
      list = root.get("contents");
      pages = Math.max(1, root.path("total_pages").asInt(1));
    } else if (root.isObject() && root.path("services").isArray()) {
      list = root.get("services");
    } else {
      throw invalid(
          "The feed has no services: an Open Referral UK /services response has a \"contents\""
              + " list.");
    }
    if (list.size() > MAX_SERVICES) {
      throw ProblemException.tooLarge("The feed has more than " + MAX_SERVICES + " services.");
    }
    List<FieldError> errors = new ArrayList<>();
    List<OrukService> services = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int n = 0;
    for (JsonNode s : list) {
      n++;
      String where = "Service " + n;
      if (!s.isObject()) {
        errors.add(error(where + " is not an object."));
        continue;
      }
      String id = text(s.get("id"));
      String name = text(s.get("name"));
      if (id == null || !ID.matcher(id).matches()) {
        errors.add(
            error(
                where
                    + (id == null
                        ? " has no id."
                        : " has the id \""
                            + shorten(id)
                            + "\": an id must be letters, digits, dashes, dots or colons, up to 100"
                            + " characters.")));
        continue;
      }
      where += " (id " + id + ")";
      if (name == null || name.isBlank()) {
        errors.add(error(where + " has no name."));
        continue;
      }
      if (name.length() > MAX_NAME) {
        errors.add(error(where + " has a name longer than " + MAX_NAME + " characters."));
        continue;
      }
      String url = text(s.get("url"));
      if (url != null && !url.isBlank() && !webAddress(url)) {
        errors.add(
            error(where + " has a url that is not a web address: \"" + shorten(url) + "\"."));
        continue;
      }
      String status = text(s.get("status"));
      if (status != null && !STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
        errors.add(
            error(
                where
                    + " has the status \""
                    + shorten(status)
                    + "\" (active, inactive, defunct or temporarily closed)."));
        continue;
      }
      if (!ids.add(id)) {
        errors.add(error(where + " appears twice in the feed."));
        continue;
      }
      JsonNode org = s.path("organization");
      services.add(
          new OrukService(
              id,
              name.strip(),
              url == null || url.isBlank() ? null : url.trim(),
              status == null ? null : status.toLowerCase(Locale.ROOT),
              org.isObject() ? text(org.get("name")) : null));
      if (errors.size() >= 20) {
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new Page(services, pages);
  }

  private static boolean webAddress(String url) {
    try {
      URI u = new URI(url.trim());
      return u.getHost() != null
          && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String text(JsonNode node) {
    return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
  }

  private static FieldError error(String message) {
    return new FieldError("feed", message);
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalid(List.of(error(message)));
  }

  private static String shorten(String value) {
    if (value == null) {
      return "";
    }
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
