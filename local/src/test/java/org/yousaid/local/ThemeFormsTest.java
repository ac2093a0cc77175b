package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.WithLocalMode;

/** The theme page's forms over real HTTP, as a hurried officer uses them. */
class ThemeFormsTest {

  @WithLocalMode static LocalMode local;
  private static OfficerBrowser officer;
  private static SeededThemes seeded;

  @BeforeAll
  static void seed() throws Exception {
    officer = new OfficerBrowser(local, "editor@demo.example", List.of("demo"));
    seeded =
        SeededThemes.seed(
            local,
            "A search box where I can filter by my child's age",
            "Search by age group and type of need",
            "Filter services by age please",
            "A named key worker I can phone",
            "A key worker who knows our family",
            "Someone to talk to when we are stuck");
  }

  @Test
  void aDatedWeDidEntryShowsOnItsThemePageAndInThePublishPreview() throws Exception {
    String path = SeededThemes.themePath("t2");
    HttpResponse<String> saved =
        officer.postForm(
            path, "action=we-did&status=done&date=2026-12-01&text=" + OfficerBrowser.enc("Hired"));
    assertEquals(303, saved.statusCode(), saved.body());
    HttpResponse<String> page = officer.get(path);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("1 December 2026"), page.body());
    HttpResponse<String> preview = officer.get(SeededThemes.BASE + "/publish/preview");
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("Hired"));
  }
}
