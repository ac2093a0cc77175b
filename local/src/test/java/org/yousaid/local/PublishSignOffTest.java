package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yousaid.local.ThemeFormsTest.assertErrorLinksTo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.testing.WithLocalMode;

/**
 * Publishing is a decision, over real HTTP: the sign-off page lists what will go out and its
 * warnings; the officer must confirm, and is recorded as the approver; a second reviewer (the
 * parent carer forum) reads the draft, comments and co-signs, and may do nothing else; a draft that
 * changes after a co-signature or sign-off is not published under it.
 */
class PublishSignOffTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;
  private static OfficerBrowser forum;
  private static SeededThemes seeded;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PUBLISH = SeededThemes.BASE + "/publish";
  private static final String REVIEW = SeededThemes.BASE + "/review";

  @BeforeAll
  static void seed() throws Exception {
    officer = new OfficerBrowser(local, "approver@demo.example", List.of("demo"));
    forum = new OfficerBrowser(local, "chair@forum.example", List.of(), List.of("demo"));
    seeded =
        SeededThemes.seed(
            local,
            "A search box where I can filter by age",
            "Search by age group and type of need",
            "Filter services by age please",
            "Being able to search by age",
            "Search by age would help",
            "Search by the age of my child",
            "A named key worker I can phone",
            "A key worker who knows our family",
            "Someone to talk to when we are stuck",
            "A key worker for every family",
            "Key workers who call back",
            "One person to call");
  }

  private static String draftOf(String page) {
    Matcher m = Pattern.compile("name=\"draft\" value=\"([0-9a-f]{64})\"").matcher(page);
    assertTrue(m.find(), "the page names the draft it shows");
    return m.group(1);
  }

  @Test
  void theApproverSignsOffWhatTheySawAndTheForumCoSigns() throws Exception {
    String t1 = SeededThemes.themePath("t1");
    assertEquals(
        303, officer.postForm(t1, "action=approve&answer=" + seeded.ids.get(0)).statusCode());
    assertEquals(
        303,
        officer
            .postForm(
                t1,
                "action=we-did&status=planned&date=1%2F3%2F2027&text="
                    + OfficerBrowser.enc("New search"))
            .statusCode());

    HttpResponse<String> signOff = officer.get(PUBLISH);
    assertEquals(200, signOff.statusCode());
    String page = signOff.body();
    assertTrue(page.contains("Search by age") && page.contains("Key workers"), "every theme");
    assertTrue(page.contains("“" + seeded.texts.get(0) + "”"), "the approved quote");
    assertTrue(page.contains("New search") && page.contains("1 March 2027"), "the we did");
    assertTrue(page.contains("1 theme has no “we did” response yet: Key workers."), page);
    assertTrue(
        page.contains("1 theme has no approved quote and will show a count only: Key workers."));
    assertTrue(page.contains("Approver: approver@demo.example"));
    String draft = draftOf(page);

    // Not confirmed: the page comes back, nothing is queued.
    HttpResponse<String> unconfirmed = officer.postForm(PUBLISH, "draft=" + draft);
    assertEquals(400, unconfirmed.statusCode());
    assertErrorLinksTo(unconfirmed.body(), "confirm", "Confirm that you have checked");

    // The forum reads the draft, comments and co-signs it.
    HttpResponse<String> review = forum.get(REVIEW);
    assertEquals(200, review.statusCode(), review.body());
    assertTrue(review.body().contains("New search"));
    assertEquals(draft, draftOf(review.body()), "the reviewer sees the same draft");
    assertEquals(200, forum.get(SeededThemes.BASE + "/publish/preview").statusCode());
    HttpResponse<String> empty = forum.postForm(REVIEW, "draft=" + draft + "&comment=+");
    assertEquals(400, empty.statusCode());
    assertErrorLinksTo(empty.body(), "comment", "Write a comment, or co-sign the draft, or both");
    HttpResponse<String> cosigned =
        forum.postForm(
            REVIEW,
            "draft="
                + draft
                + "&cosign=yes&comment="
                + OfficerBrowser.enc("Fair to what <parents> said"));
    assertEquals(303, cosigned.statusCode(), cosigned.body());
    String after = forum.get(cosigned.headers().firstValue("Location").orElseThrow()).body();
    assertTrue(after.contains("You co-signed this draft."));
    assertTrue(after.contains("Fair to what &lt;parents&gt; said"));
    assertTrue(officer.get(PUBLISH).body().contains("co-signed this draft"));

    // A stale page (the draft changed after it was opened) is refused with the reason.
    assertEquals(
        409, officer.postForm(PUBLISH, "confirm=yes&draft=" + "0".repeat(64)).statusCode());
    assertEquals(0, local.publishQueue().deadLetterCount());

    HttpResponse<String> published = officer.postForm(PUBLISH, "confirm=yes&draft=" + draft);
    assertEquals(303, published.statusCode(), published.body());
    assertTrue(
        officer
            .get(published.headers().firstValue("Location").orElseThrow())
            .body()
            .contains("Publishing has started"));
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    assertEquals(0, local.publishQueue().deadLetterCount());
    Publication v1 =
        local.services().publications().latest("demo", DemoData.LOCAL_OFFER).orElseThrow();
    assertEquals("approver@demo.example", v1.approvedBy().name());
    assertEquals(Publication.SignOff.APPROVER, v1.approvedBy().role());
    assertEquals(1, v1.coSignedBy().size());
    assertEquals("chair@forum.example", v1.coSignedBy().get(0).name());
    assertEquals(Publication.SignOff.REVIEWER, v1.coSignedBy().get(0).role());
    String record = officer.get(PUBLISH).body();
    assertTrue(record.contains("approver@demo.example (approver)"));
    assertTrue(record.contains("chair@forum.example (second reviewer, co-signed"));
    // Sign-off names stay in the log: not one reaches the public site.
    try (var files = Files.walk(local.site().root())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("forum.example") || text.contains("approver@"), f.toString());
      }
    }

    // The draft changes after the forum co-signed: the next version is not recorded as co-signed.
    assertEquals(
        303,
        officer
            .postForm(
                SeededThemes.themePath("t2"),
                "action=rename&label=" + OfficerBrowser.enc("Key working"))
            .statusCode());
    String next = officer.get(PUBLISH).body();
    assertTrue(next.contains("co-signed an earlier draft"));
    assertEquals(303, officer.postForm(PUBLISH, "confirm=yes&draft=" + draftOf(next)).statusCode());
    assertTrue(local.publishQueue().awaitIdle(2, TimeUnit.MINUTES));
    Publication v2 =
        local.services().publications().latest("demo", DemoData.LOCAL_OFFER).orElseThrow();
    assertEquals(2, v2.version());
    assertTrue(
        v2.coSignedBy().isEmpty(), "a co-signature holds only for the draft it was given on");
    var log = local.services().audit().entries("demo", DemoData.LOCAL_OFFER);
    assertTrue(
        log.stream()
            .anyMatch(
                e -> e.officer().equals("chair@forum.example") && e.action().equals("co-signed")));
    assertTrue(
        log.stream().noneMatch(e -> e.summary().contains("parents")),
        "comments stay out of the log");
  }

  @Test
  void aReviewerIsRefusedOnEveryOtherOfficerRoute() throws Exception {
    Set<String> allowed =
        Set.of(
            "GET /officer",
            "POST /officer/sign-out",
            "GET /officer/councils/{council}/consultations/{consultation}/review",
            "POST /officer/councils/{council}/consultations/{consultation}/review",
            "GET /officer/councils/{council}/consultations/{consultation}/publish/preview",
            "GET /api/v1/officer/councils/{council}/consultations/{consultation}/review",
            "POST /api/v1/officer/councils/{council}/consultations/{consultation}/review");
    Set<String> signIn =
        Set.of("GET /officer/sign-in", "POST /officer/sign-in", "GET /officer/callback");
    List<SamTemplate.Route> routes;
    try (InputStream in =
        Files.newInputStream(
            Path.of(System.getProperty("yousaid.repo.root", "..")).resolve("template.yaml"))) {
      routes =
          SamTemplate.parse(in).functions().stream()
              .filter(f -> f.handlerClass().endsWith(".OfficerHandler"))
              .flatMap(f -> f.routes().stream())
              .filter(r -> !signIn.contains(r.routeKey()))
              .toList();
    }
    String csrf = OfficerBrowser.csrf(forum.get("/officer").body());
    int refused = 0;
    for (SamTemplate.Route route : routes) {
      if (allowed.contains(route.routeKey())) {
        continue;
      }
      HttpResponse<String> r =
          call(route, "demo", forum.token(), "csrf=" + csrf + "&action=save&title=x");
      assertEquals(403, r.statusCode(), route.routeKey());
      refused++;
    }
    assertTrue(refused > 20, "every other route was tried: " + refused);
    // Its own routes, but for another council: refused too.
    for (String key : allowed) {
      if (key.contains("{council}")) {
        String[] parts = key.split(" ", 2);
        assertEquals(
            403,
            call(
                    new SamTemplate.Route(parts[0], parts[1]),
                    "elsewhere",
                    forum.token(),
                    "csrf=" + csrf)
                .statusCode(),
            key);
      }
    }
    String dashboard = forum.get("/officer").body();
    assertTrue(dashboard.contains("Drafts to review: demo"));
    assertTrue(dashboard.contains(SeededThemes.BASE + "/review"));
    assertFalse(dashboard.contains("Create a consultation"), "nothing else is offered");
  }

  private static HttpResponse<String> call(
      SamTemplate.Route route, String council, String token, String body) throws Exception {
    String path =
        route
            .path()
            .replace("{council}", council)
            .replace("{consultation}", DemoData.LOCAL_OFFER)
            .replace("{question}", SeededThemes.QUESTION)
            .replace("{theme}", "t1")
            .replace("{entry}", "local-offer-2026~find-information~01NOSUCHENTRY")
            .replace("{format}", "csv");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + local.port() + path))
            .header("Cookie", "yousaid-officer=" + token);
    if (route.method().equals("POST")) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
