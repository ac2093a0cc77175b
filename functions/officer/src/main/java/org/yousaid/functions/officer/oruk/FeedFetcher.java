package org.yousaid.functions.officer.oruk;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * Fetches a council's Open Referral UK feed from the address an officer typed, which the officer
 * function must not let become a way into anything but the public web. In AWS ({@link
 * Policy#PUBLIC_WEB}): https only, on the default port; every address the host resolves to must be
 * public (no loopback, private, link-local such as 169.254.169.254, carrier-grade NAT, unique-local
 * or multicast address); no redirects are followed; 5 seconds to connect, 20 to answer; at most
 * {@link OrukFeed#MAX_BYTES} per page and {@link Policy#maxPages} pages. Local mode ({@link
 * Policy#LOCAL}) also allows http and this machine, so a feed served on 127.0.0.1 can be tried.
 *
 * <p>The host is resolved and checked before the request, and the request resolves it again: a DNS
 * answer that changes in between could still reach a private address, but only on port 443.
 */
public final class FeedFetcher {

  /** What a fetch may reach. */
  public record Policy(
      boolean httpsOnly,
      boolean privateAddresses,
      Duration connectTimeout,
      Duration timeout,
      int maxBytes,
      int maxPages) {
    public static final Policy PUBLIC_WEB =
        new Policy(
            true, false, Duration.ofSeconds(5), Duration.ofSeconds(20), OrukFeed.MAX_BYTES, 20);
    public static final Policy LOCAL =
        new Policy(
            false, true, Duration.ofSeconds(5), Duration.ofSeconds(20), OrukFeed.MAX_BYTES, 20);
  }

  private final Policy policy;
  private final HttpClient http;

  public FeedFetcher(Policy policy) {
    this.policy = policy;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(policy.connectTimeout())
            .build();
  }

  /** Every page of the feed at this address, read and checked as {@link OrukFeed#read}. */
  public List<OrukService> fetch(String address) {
    URI first = checked(address);
    OrukFeed.Page page = OrukFeed.read(get(first));
    List<OrukService> services = new ArrayList<>(page.services());
    int pages = Math.min(page.totalPages(), policy.maxPages());
    if (page.totalPages() > policy.maxPages()) {
      throw invalid(
          "The feed has "
              + page.totalPages()
              + " pages; at most "
              + policy.maxPages()
              + " are read. Ask for bigger pages (for example ?per_page=500).");
    }
    for (int p = 2; p <= pages; p++) {
      services.addAll(OrukFeed.read(get(checked(pageAddress(first, p)))).services());
      if (services.size() > OrukFeed.MAX_SERVICES) {
        throw ProblemException.tooLarge(
            "The feed has more than " + OrukFeed.MAX_SERVICES + " services.");
      }
    }
    Set<String> ids = new HashSet<>();
    for (OrukService s : services) {
      if (!ids.add(s.id())) {
        throw invalid("The service " + s.id() + " appears on two pages of the feed.");
      }
    }
    return services;
  }

  /** The address of page {@code n}: the first page's, with its {@code page} parameter replaced. */
  static String pageAddress(URI first, int n) {
    String query = first.getRawQuery();
    List<String> kept = new ArrayList<>();
    if (query != null) {
      for (String part : query.split("&")) {
        if (!part.startsWith("page=") && !part.isEmpty()) {
          kept.add(part);
        }
      }
    }
    kept.add("page=" + n);
    String base = first.toString();
    int q = base.indexOf('?');
    return (q < 0 ? base : base.substring(0, q)) + "?" + String.join("&", kept);
  }

  /** The address, if this policy lets the function fetch it; else a 400 saying why. */
  URI checked(String address) {
    URI uri;
    try {
      uri = new URI(address == null ? "" : address.trim());
    } catch (URISyntaxException e) {
      throw invalid("Enter the feed's full web address, starting with https://");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw invalid("Enter the feed's full web address, starting with https://");
    }
    if (policy.httpsOnly() && !scheme.equals("https")) {
      throw invalid("The feed's address must start with https://");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid("The feed's address must not hold a user name or password.");
    }
    if (!policy.privateAddresses() && uri.getPort() != -1 && uri.getPort() != 443) {
      throw invalid("The feed must be served on the standard https port.");
    }
    if (!policy.privateAddresses()) {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(uri.getHost());
      } catch (UnknownHostException e) {
        throw invalid("No web server was found at " + uri.getHost() + ".");
      }
      for (InetAddress a : addresses) {
        if (!isPublic(a)) {
          throw invalid(
              "The feed's address is not on the public internet, so it cannot be fetched.");
        }
      }
    }
    return uri;
  }

  /**
   * Whether an address is on the public internet (not this machine, a private or special range).
   */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0
          || first == 10
          || first == 127
          || (first == 100 && second >= 64 && second <= 127)
          || (first == 169 && second == 254)
          || (first == 172 && second >= 16 && second <= 31)
          || (first == 192 && second == 168)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19))
          || first >= 224);
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      // fc00::/7 unique local; an IPv4-mapped or -compatible address is judged by its IPv4 part.
      if ((first & 0xfe) == 0xfc) {
        return false;
      }
      boolean zeros = true;
      for (int i = 0; i < 10; i++) {
        zeros &= b[i] == 0;
      }
      if (zeros && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private byte[] get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(policy.timeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    long deadline = System.nanoTime() + policy.timeout().toNanos();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 == 3) {
          throw invalid(
              "The feed's address redirects elsewhere. Enter the address it redirects to.");
        }
        if (response.statusCode() != 200) {
          throw invalid(
              "The feed's address answered with HTTP status " + response.statusCode() + ".");
        }
        byte[] bytes = readWithin(body, deadline);
        if (bytes.length > policy.maxBytes()) {
          throw ProblemException.tooLarge("The feed is larger than 5 MB.");
        }
        return bytes;
      }
    } catch (HttpTimeoutException e) {
      throw invalid("The feed's address did not answer in time.");
    } catch (IOException e) {
      throw invalid("The feed's address could not be reached.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw invalid("The feed's address could not be reached.");
    }
  }

  /**
   * The body, up to one byte more than the limit, read by the deadline: the request's timeout ends
   * with the headers, and a server that then sends its body a byte at a time, or stops, must not
   * hold the function until Lambda's own timeout.
   */
  private byte[] readWithin(InputStream body, long deadline) throws IOException {
    java.util.concurrent.CompletableFuture<byte[]> read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return body.readNBytes(policy.maxBytes() + 1);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      return read.get(
          Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      body.close();
      read.cancel(true);
      throw new HttpTimeoutException("body too slow");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static ProblemException invalid(String message) {
    return ProblemException.invalid(List.of(new FieldError("url", message)));
  }
}
