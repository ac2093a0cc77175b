package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.yousaid.local.LocalMode;

/**
 * The local-mode part of {@link YousaidExtension}, run on small test classes through the JUnit
 * engine: found through {@link LocalModeLauncher}, started once for the class with the annotation's
 * settings, then stopped with its data folder deleted. It lives in local/, the module that provides
 * the launcher.
 */
class YousaidExtensionLocalModeTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String COUNCIL_SITE = "https://localoffer.council.example";

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(LocalMode local, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path));
  }

  @WithLocalMode(publicRateLimit = "2/3600", pageFeedbackOrigins = "demo=" + COUNCIL_SITE)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the preflight must not meet the limit
  static class OneLocalModeForTheClass {
    static LocalMode fromBeforeAll;
    static final List<LocalMode> SEEN = new ArrayList<>();

    @BeforeAll
    static void start(LocalMode local) {
      fromBeforeAll = local;
    }

    @Test
    @Order(2)
    void theRateLimitIsTheAnnotations(LocalMode local) throws Exception {
      SEEN.add(local);
      int[] statuses = new int[3];
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = send(to(local, LocalMode.DEMO_FORM_PATH)).statusCode();
      }
      // Two requests an hour: the preflight took one, so the next page is the last one served.
      assertEquals(200, statuses[0]);
      assertEquals(429, statuses[2], "past two requests within the hour, refused");
    }

    @Test
    @Order(1)
    void theCouncilSiteIsAllowedToSendPageFeedback(LocalMode local) throws Exception {
      SEEN.add(local);
      HttpResponse<String> preflight =
          send(
              to(local, "/api/v1/councils/demo/page-feedback")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", COUNCIL_SITE)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type"));
      assertEquals(
          COUNCIL_SITE,
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
          preflight.toString());
    }
  }

  @Test
  void oneLocalModeServesTheClassWithItsSettingsAndIsStoppedAndDeletedAfter() throws Exception {
    OneLocalModeForTheClass.SEEN.clear();
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(OneLocalModeForTheClass.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
    LocalMode local = OneLocalModeForTheClass.fromBeforeAll;
    assertEquals(List.of(local, local), OneLocalModeForTheClass.SEEN);
    // The site folder lives in local mode's data folder.
    Path dataFolder = local.site().root().getParent();
    assertFalse(Files.exists(dataFolder), dataFolder + " is deleted");
    assertThrows(
        IOException.class,
        () -> new Socket("127.0.0.1", local.port()).close(),
        "nothing listens on local mode's port any more");
    assertThrows(
        RuntimeException.class,
        () -> local.storageClient().listTables(),
        "its DynamoDB Local is stopped");
  }

  @Test
  void localModeIsFoundThroughItsLauncher() {
    assertTrue(LocalModeLauncher.find().isPresent());
    assertSame(LocalMode.class, LocalModeLauncher.find().orElseThrow().type());
  }
}
