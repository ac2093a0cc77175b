package org.yousaid.functions.officer.oruk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.submission.ProblemException;

/**
 * Open Referral UK feeds: the HSDS 3.0 shapes are read, bad feeds are refused with every problem,
 * and fetching by address is fenced in (https, public addresses, no redirects, size and time
 * limits), tried against a real HTTP server on this machine.
 */
class OrukFeedTest {

  private HttpServer server;

  /** Lets the stalling server go when the test is over. */
  private final java.util.concurrent.CountDownLatch stalled =
      new java.util.concurrent.CountDownLatch(1);

  static byte[] fixture() {
    try (InputStream in = OrukFeedTest.class.getResourceAsStream("/journey/oruk-services.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A feed page of {@code size} made-up services, numbered from {@code from}. */
  static String page(int from, int size, int page, int pages) {
    StringBuilder contents = new StringBuilder();
    for (int i = from; i < from + size; i++) {
      contents
          .append(contents.length() == 0 ? "" : ",")
          .append("{\"id\":\"svc-")
          .append(i)
          .append("\",\"name\":\"Service ")
          .append(i)
          .append("\",\"url\":\"https://localoffer.demo.example/directory/svc-")
          .append(i)
          .append("\",\"status\":\"active\"}");
    }
    return "{\"total_items\":"
        + size * pages
        + ",\"total_pages\":"
        + pages
        + ",\"page_number\":"
        + page
        + ",\"contents\":["
        + contents
        + "]}";
  }

  @AfterEach
  void stop() {
    stalled.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void theHsdsShapesAreRead() {
    OrukFeed.Page page = OrukFeed.read(fixture());
    assertEquals(4, page.services().size());
    OrukService first = page.services().get(0);
    assertEquals("3f6a1c2e-0b8d-4c6a-9d0e-1a2b3c4d5e6f", first.id());
    assertEquals("Demo County Council", first.organisation());
    assertEquals("temporarily closed", page.services().get(2).status());
    String array = "[{\"id\":\"a1\",\"name\":\"A\"},{\"id\":\"b2\",\"name\":\"B\"}]";
    assertEquals(2, OrukFeed.read(array.getBytes(StandardCharsets.UTF_8)).services().size());
    String dataset = "{\"services\":[{\"id\":\"a1\",\"name\":\"A\"}],\"organizations\":[]}";
    assertEquals(1, OrukFeed.read(dataset.getBytes(StandardCharsets.UTF_8)).services().size());
    OrukFeed.Page big = OrukFeed.read(page(1, 500, 1, 1).getBytes(StandardCharsets.UTF_8));
    assertEquals(500, big.services().size(), "a feed with 500 services");
  }

  private static String refused(String json) {
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> OrukFeed.read(json.getBytes(StandardCharsets.UTF_8)));
    return String.join(" | ", e.errors().stream().map(f -> f.message()).toList());
  }

  @Test
  void badFeedsAreRefusedWithEveryProblem() {
    assertTrue(refused("<html>Service unavailable</html>").startsWith("The feed is not JSON"));
    assertTrue(refused("{\"organizations\":[]}").contains("has no services"));
    assertTrue(refused("").contains("empty") || refused("").contains("not JSON"));
    String all =
        refused(
            "{\"contents\":["
                + "{\"name\":\"No id\"},"
                + "{\"id\":\"has space\",\"name\":\"X\"},"
                + "{\"id\":\"n1\"},"
                + "{\"id\":\"u1\",\"name\":\"Bad url\",\"url\":\"javascript:alert(1)\"},"
                + "{\"id\":\"s1\",\"name\":\"Bad status\",\"status\":\"open\"},"
                + "{\"id\":\"d1\",\"name\":\"One\"},{\"id\":\"d1\",\"name\":\"Two\"},"
                + "42]}");
    assertTrue(all.contains("Service 1 has no id."), all);
    assertTrue(all.contains("Service 2 has the id \"has space\""), all);
    assertTrue(all.contains("Service 3 (id n1) has no name."), all);
    assertTrue(all.contains("Service 4 (id u1) has a url that is not a web address"), all);
    assertTrue(all.contains("Service 5 (id s1) has the status \"open\""), all);
    assertTrue(all.contains("Service 7 (id d1) appears twice"), all);
    assertTrue(all.contains("Service 8 is not an object."), all);
    ProblemException tooBig =
        assertThrows(ProblemException.class, () -> OrukFeed.read(new byte[OrukFeed.MAX_BYTES + 1]));
    assertEquals(413, tooBig.status());
  }

  private String serve(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(path, handler);
    // One thread per exchange: a stalled answer must not hold up the next request.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private static void reply(com.sun.net.httpserver.HttpExchange x, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void aPagedFeedOnThisMachineIsFetchedPageByPageInLocalMode() throws IOException {
    List<String> asked = new ArrayList<>();
    String url =
        serve(
            "/oruk/services",
            x -> {
              String query = x.getRequestURI().getQuery();
              asked.add(query);
              int page = pageNumber(query);
              reply(x, 200, page(1 + (page - 1) * 250, 250, page, 2));
            });
    List<OrukService> services =
        new FeedFetcher(FeedFetcher.Policy.LOCAL).fetch(url + "?per_page=250");
    assertEquals(500, services.size());
    assertEquals("svc-1", services.get(0).id());
    assertEquals("svc-500", services.get(499).id());
    assertEquals(List.of("per_page=250", "per_page=250&page=2"), asked);
  }

  @Test
  void inAwsOnlyHttpsOnThePublicInternetIsFetched() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    String url =
        serve(
            "/oruk/services",
            x -> {
              hits.incrementAndGet();
              reply(x, 200, page(1, 3, 1, 1));
            });
    FeedFetcher aws = new FeedFetcher(FeedFetcher.Policy.PUBLIC_WEB);
    for (String address :
        List.of(
            url,
            url.replace("http://", "https://"),
            "https://localhost/oruk/services",
            "https://10.1.2.3/services",
            "https://172.20.0.1/services",
            "https://192.168.1.1/services",
            "https://169.254.169.254/latest/meta-data/",
            "https://100.64.0.1/services",
            "https://0.0.0.0/services",
            "https://[::1]/services",
            "https://[fd00::1]/services",
            "https://[::ffff:127.0.0.1]/services",
            "https://user:secret@example.org/services",
            "https://example.org:8443/services",
            "ftp://example.org/services",
            "file:///etc/passwd",
            "services.json")) {
      ProblemException e = assertThrows(ProblemException.class, () -> aws.fetch(address), address);
      assertEquals(400, e.status(), address);
      assertEquals("url", e.errors().get(0).field(), address);
    }
    assertEquals(0, hits.get(), "the server on this machine was never asked");
    assertTrue(FeedFetcher.isPublic(InetAddress.getByName("93.184.216.34")));
    assertFalse(FeedFetcher.isPublic(InetAddress.getByName("198.18.0.1")));
  }

  @Test
  void redirectsErrorsHugeAndStalledFeedsAreRefused() throws IOException {
    String base =
        serve(
            "/",
            x -> {
              switch (x.getRequestURI().getPath()) {
                case "/moved" -> {
                  x.getResponseHeaders().add("Location", "http://169.254.169.254/");
                  x.sendResponseHeaders(302, -1);
                  x.close();
                }
                case "/gone" -> reply(x, 404, "{}");
                case "/huge" -> {
                  x.sendResponseHeaders(200, 0);
                  try (OutputStream out = x.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 100; i++) {
                      out.write(chunk);
                    }
                  } catch (IOException closedByClient) {
                    // The fetcher stops reading past its limit.
                  }
                }
                case "/stalls" -> {
                  x.sendResponseHeaders(200, 0);
                  try {
                    x.getResponseBody().write('[');
                    x.getResponseBody().flush();
                    stalled.await(60, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (InterruptedException | IOException e) {
                    // Stop when the test ends.
                  }
                  x.close();
                }
                case "/many-pages" -> reply(x, 200, page(1, 1, 1, 99));
                default -> reply(x, 200, "[]");
              }
            });
    FeedFetcher local = new FeedFetcher(FeedFetcher.Policy.LOCAL);
    String root = base.substring(0, base.length() - 1);
    assertTrue(message(local, root + "/moved").contains("redirects"));
    assertTrue(message(local, root + "/gone").contains("HTTP status 404"));
    assertEquals(
        413, assertThrows(ProblemException.class, () -> local.fetch(root + "/huge")).status());
    // A server that stops after one byte: the fetch gives up at its deadline (here 3 seconds, so
    // the test does not wait 20), while the server would wait a minute.
    FeedFetcher impatient =
        new FeedFetcher(
            new FeedFetcher.Policy(
                false,
                true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3),
                OrukFeed.MAX_BYTES,
                20));
    assertTrue(message(impatient, root + "/stalls").contains("did not answer in time"));
    assertTrue(message(local, root + "/many-pages").contains("99 pages"));
  }

  private static String message(FeedFetcher fetcher, String url) {
    ProblemException e = assertThrows(ProblemException.class, () -> fetcher.fetch(url), url);
    return e.errors().get(0).message();
  }

  @Test
  void feedbackIsMatchedToServicesByIdAndPageAddressAndNeverShowsASmallCount() {
    ServiceDirectory directory =
        new ServiceDirectory("feed.json", Instant.EPOCH, OrukFeed.read(fixture()).services());
    ServiceDirectory.Matcher m = directory.matcher();
    assertEquals(
        "Short breaks for disabled children",
        m.of("https://localoffer.demo.example/send/short-breaks/").orElseThrow().name(),
        "a trailing slash aside");
    assertEquals(
        "SENDIASS: impartial advice",
        m.of("http://sendiass.demo.example").orElseThrow().name(),
        "scheme and www. aside");
    assertEquals("demo-club", m.of("service:demo-club").orElseThrow().id());
    assertEquals(
        "Portage home visiting",
        m.of("https://localoffer.demo.example/other/c0ffee00-1111-2222-3333-444455556666")
            .orElseThrow()
            .name(),
        "the id as the last part of the page's address");
    assertTrue(m.of("https://localoffer.demo.example/send").isEmpty());
    assertTrue(m.of("service:unknown").isEmpty());

    List<Response> feedback = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      feedback.add(feedback("https://localoffer.demo.example/send/short-breaks", i < 9));
    }
    feedback.add(feedback("service:demo-club", false));
    feedback.add(feedback("service:demo-club", true));
    for (int i = 0; i < 6; i++) {
      feedback.add(feedback("https://localoffer.demo.example/send/transport", i < 3));
    }
    ServiceFeedback.Summary s = ServiceFeedback.of(directory, feedback);
    org.yousaid.functions.officer.TableAttacker reader =
        new org.yousaid.functions.officer.TableAttacker();
    String all = reader.count("all", shown(s.answers()));
    String matched = reader.count("matched", shown(s.matched()));
    reader.total(all, List.of(matched, reader.count("unmatched", shown(s.unmatched()))));
    List<String> rows = new ArrayList<>();
    List<String> yes = new ArrayList<>();
    List<String> no = new ArrayList<>();
    for (ServiceFeedback.Row r : s.rows()) {
      String a = reader.count(r.service().id(), shown(r.answers()));
      String y = reader.count(r.service().id() + ":yes", shown(r.useful()));
      String n = reader.count(r.service().id() + ":no", shown(r.notUseful()));
      reader.total(a, List.of(y, n));
      rows.add(a);
      yes.add(y);
      no.add(n);
    }
    reader.total(matched, rows);
    assertEquals(List.of(), reader.pinned());
    assertEquals("fewer than 5", s.rows().get(2).answers().text(), "the club's two answers");
  }

  private static int shown(ServiceFeedback.Count c) {
    assertFalse(c.shown() > 0 && c.shown() < ServiceFeedback.FEW, "shown: " + c);
    return c.shown();
  }

  private int ids;

  private Response feedback(String subject, boolean useful) {
    return new Response(
        "F" + ids++,
        "demo",
        "page-feedback",
        Instant.EPOCH,
        Channel.WEB,
        List.of(Answer.choices("useful", List.of(useful ? "yes" : "no"))),
        RespondentProfile.EMPTY,
        false,
        "X",
        0,
        subject);
  }

  /** The {@code page} parameter of a query ({@code per_page} is another parameter), or 1. */
  static int pageNumber(String query) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:^|&)page=(\\d+)").matcher(query == null ? "" : query);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }
}
