package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.functions.officer.OfficerConfig;
import org.yousaid.testing.WithLocalMode;

/**
 * Local mode on a shared computer: its data is the owner's only, clients that send slowly cannot
 * hold it up for everyone, and no request can choose the addresses it writes into pages.
 */
class LocalModeHardeningTest {

  private static final Set<PosixFilePermission> GROUP_OR_OTHER =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static void assertOwnerOnly(Path data) throws Exception {
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    int files = 0;
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Set<PosixFilePermission> open = EnumSet.copyOf(Files.getPosixFilePermissions(p));
        open.retainAll(GROUP_OR_OTHER);
        assertTrue(open.isEmpty(), data.relativize(p) + " is open to others: " + open);
        files += Files.isRegularFile(p) ? 1 : 0;
      }
    }
    assertTrue(Files.isRegularFile(data.resolve("yousaid-local.db")));
    assertTrue(files >= 2, "the database and the signing key at least");
  }

  @Test
  void theDataFolderAndItsFilesAreReadableByTheirOwnerOnlyAndAreTightenedOnEveryStart(
      @TempDir Path parent) throws Exception {
    Path data = parent.resolve("data");
    Files.createDirectories(
        data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    try (LocalMode local = LocalMode.start(data, 0)) {
      assertOwnerOnly(data);
    }
    // As an older version or a careless copy would leave them.
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        data.resolve("yousaid-local.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (LocalMode local = LocalMode.start(data, 0)) {
      assertOwnerOnly(data);
    }
  }

  /** A request that sends its headers and a few bytes of a long body, then stops. */
  private static Socket slowUpload(int port) throws Exception {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/v1/councils/demo/consultations/local-offer-2026/responses HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 50000\r\n\r\n"
                + "{\"answers\":{")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  @WithLocalMode
  void tenSlowUploadsDoNotStopAnotherParentsAnswerAndAreCutOffByTheReadTimeout(LocalMode local)
      throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        slow.add(slowUpload(local.port()));
      }
      // Give the server time to hand each slow upload a thread that now waits for its body.
      Thread.sleep(500);
      HttpResponse<String> answered =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + local.port()
                                  + "/api/v1/councils/demo/consultations/local-offer-2026/responses"))
                      .timeout(Duration.ofSeconds(LocalHttpServer.REQUEST_SECONDS))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"answers\":{\"find-information\":\"A website I can search\"}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(201, answered.statusCode(), answered.body());
      // The slow uploads are closed by the server once they have taken REQUEST_SECONDS.
      for (Socket s : slow) {
        s.setSoTimeout((LocalHttpServer.REQUEST_SECONDS + 30) * 1000);
        InputStream in = s.getInputStream();
        try {
          byte[] rest = in.readAllBytes();
          assertFalse(
              new String(rest, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 201"),
              "nothing was stored from a half-sent answer");
        } catch (SocketTimeoutException stillOpen) {
          throw new AssertionError("a slow upload was still open after the read timeout");
        } catch (java.io.IOException closed) {
          // Reset by the server: closed, as wanted.
        }
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  @WithLocalMode
  void theFeedbackSnippetsAddressComesFromConfigurationNotFromAForgedHostHeader(LocalMode local)
      throws Exception {
    String token =
        local.officerSignIn(
            "subject-host", "host@demo.example", List.of("council-demo"), Duration.ofMinutes(10));
    String response;
    try (Socket socket = new Socket("127.0.0.1", local.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /officer/councils/demo/page-feedback/snippet HTTP/1.1\r\n"
                      + "Host: evil.example\r\n"
                      + "X-Forwarded-Proto: https\r\n"
                      + "Cookie: yousaid-officer="
                      + token
                      + "\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
    assertFalse(response.contains("evil.example"), "the forged host reaches no page");
    assertTrue(
        response.contains(
            "http://127.0.0.1:" + local.port() + "/api/v1/councils/demo/page-feedback"),
        "the snippet posts to local mode's own address");
  }

  @Test
  void aConfiguredPublicAddressWinsAndABlankOneFallsBackToTheServersOwn() {
    assertEquals(
        "https://feedback.council.example",
        LocalMode.officerConfig(Map.of("PUBLIC_API_URL", "https://feedback.council.example"), 8080)
            .publicApiUrl());
    assertEquals(
        "http://127.0.0.1:8080",
        LocalMode.officerConfig(Map.of("PUBLIC_API_URL", " "), 8080).publicApiUrl());
    OfficerConfig config = LocalMode.officerConfig(Map.of("ANALYSIS_QUEUE_URL", "https://sqs"), 1);
    assertEquals(null, config.analysisQueueUrl(), "local mode uses its own queues");
    assertEquals("/", config.siteUrl());
  }
}
