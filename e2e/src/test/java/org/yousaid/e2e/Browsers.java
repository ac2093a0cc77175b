package org.yousaid.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the browser tests share besides the browser itself (which YousaidExtension starts): opening
 * a page, signing in, sending answers to local mode's API, and where screenshots go.
 */
final class Browsers {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Browsers() {}

  /** Goes to a page and returns the main response (never null: a test wants to read its status). */
  static Response open(Page page, String url) {
    Response response = page.navigate(url);
    assertNotNull(response, url);
    return response;
  }

  /** Fills in the officer sign-in form open on the page and sends it. */
  static void signIn(Page page, String email, String password) {
    page.getByLabel("Email address").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }

  /** Posts JSON as a council's site or a person's script would, and returns the status. */
  static int postJson(String url, String json) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Screenshots go to target/ on every run; {@code bin/screenshots}
   * (-Dyousaid.screenshots.update=true) refreshes the committed ones in docs/screenshots, so a test
   * run never leaves the checkout modified.
   */
  static Path screenshots() throws Exception {
    String root = System.getProperty("yousaid.repo.root");
    Path folder =
        Boolean.getBoolean("yousaid.screenshots.update")
            ? (root == null || root.isBlank() ? Paths.get("..") : Paths.get(root))
                .resolve("docs/screenshots")
            : Paths.get("target", "screenshots");
    Files.createDirectories(folder);
    return folder;
  }
}
