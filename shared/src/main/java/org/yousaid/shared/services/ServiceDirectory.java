package org.yousaid.shared.services;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A council's services as last imported from its Open Referral UK feed, and which service a piece
 * of page feedback is about: feedback sent with a {@code serviceId} names it; feedback sent from a
 * page is matched by the page's address to a service's {@code url} (scheme, "www.", letter case,
 * query and a trailing slash aside), or by a service id in the address's path.
 *
 * @param source the file name or URL it came from
 */
public record ServiceDirectory(String source, Instant importedAt, List<OrukService> services) {

  /** How page feedback names a service rather than a page. */
  public static final String SERVICE_SUBJECT = "service:";

  public ServiceDirectory {
    services = List.copyOf(services);
  }

  /** A lookup over this directory, built once for many answers. */
  public Matcher matcher() {
    return new Matcher(services);
  }

  /** Finds the service of a feedback subject ({@code service:<id>} or a page's address). */
  public static final class Matcher {
    private final Map<String, OrukService> byId = new HashMap<>();
    private final Map<String, OrukService> byUrl = new HashMap<>();

    Matcher(List<OrukService> services) {
      for (OrukService s : services) {
        byId.put(s.id(), s);
        String url = normalise(s.url());
        if (url != null) {
          byUrl.putIfAbsent(url, s);
        }
      }
    }

    public Optional<OrukService> of(String subject) {
      if (subject == null || subject.isBlank()) {
        return Optional.empty();
      }
      if (subject.startsWith(SERVICE_SUBJECT)) {
        return Optional.ofNullable(byId.get(subject.substring(SERVICE_SUBJECT.length())));
      }
      String url = normalise(subject);
      if (url == null) {
        return Optional.empty();
      }
      OrukService s = byUrl.get(url);
      if (s != null) {
        return Optional.of(s);
      }
      // A Local Offer directory page often carries the service's id as the last path segment.
      int slash = url.lastIndexOf('/');
      return slash < 0 ? Optional.empty() : Optional.ofNullable(byId.get(url.substring(slash + 1)));
    }
  }

  /** host + path, lower-case host without "www.", no scheme, query, fragment or trailing slash. */
  static String normalise(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(url.trim());
      if (u.getHost() == null) {
        return null;
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      host = host.startsWith("www.") ? host.substring(4) : host;
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return host + path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
