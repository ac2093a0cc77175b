package org.yousaid.functions.officer.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The DfE EHC plans CSV as explore-education-statistics publishes it: the council's rows and
 * England's are kept, every other council's, region's and breakdown row is not, and the DfE's
 * suppression symbols never become 0. Files a hurried officer might pick instead are refused with
 * what is wrong.
 */
class DfeEhcpCsvTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  static byte[] fixture() {
    try (InputStream in = DfeEhcpCsvTest.class.getResourceAsStream("/journey/dfe-ehcp.csv")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static EhcTimeliness.Figure figure(
      EhcTimeliness t, String area, String period, DfeMeasure m) {
    return t.figures().stream()
        .filter(f -> f.area().equals(area) && f.period().equals(period) && f.measure() == m)
        .findFirst()
        .orElse(null);
  }

  @Test
  void keepsTheCouncilsAndEnglandsRowsWhicheverCodeIsGiven() {
    for (String code : List.of("E10000018", "855", "leicestershire", " e10000018 ")) {
      EhcTimeliness t = DfeEhcpCsv.read(fixture(), "ehcp.csv", code, NOW);
      assertEquals("Leicestershire", t.areaName(), code);
      assertEquals(
          7.6,
          figure(t, EhcTimeliness.COUNCIL, "2023", DfeMeasure.WITHIN_20_WEEKS_EXCLUDING).value());
      assertEquals(
          1675.0, figure(t, EhcTimeliness.COUNCIL, "2023", DfeMeasure.REQUESTS).value(), "1,675");
      assertEquals(
          50.3,
          figure(t, EhcTimeliness.ENGLAND, "2023", DfeMeasure.WITHIN_20_WEEKS_EXCLUDING).value());
      assertTrue(
          t.figures().stream().noneMatch(f -> f.value() != null && f.value() == 61.4),
          "Leicester's rows are not Leicestershire's");
      assertTrue(
          t.figures().stream().noneMatch(f -> f.value() != null && f.value() == 31.2),
          "nor the region's");
      assertTrue(
          t.figures().stream().noneMatch(f -> f.value() != null && f.value() == 112.0),
          "the under-5 breakdown row is not the council's total");
      assertEquals(5, t.otherRowsSkipped(), "region, Leicester twice, Rutland, the breakdown");
    }
  }

  @Test
  void suppressedValuesAreNotAvailableNeverZero() {
    EhcTimeliness t = DfeEhcpCsv.read(fixture(), "ehcp.csv", "E10000018", NOW);
    EhcTimeliness.Figure c =
        figure(t, EhcTimeliness.COUNCIL, "2022", DfeMeasure.WITHIN_20_WEEKS_EXCLUDING);
    assertNull(c.value());
    assertEquals("suppressed by the DfE to protect confidentiality", c.missing());
    EhcTimeliness.Figure low =
        figure(t, EhcTimeliness.COUNCIL, "2022", DfeMeasure.ASSESSMENTS_NOT_ISSUED);
    assertNull(low.value());
    assertEquals("rounds to 0 but is not 0", low.missing());
    assertNull(
        figure(t, EhcTimeliness.COUNCIL, "2022", DfeMeasure.WITHIN_20_WEEKS_INCLUDING).value());

    Map<String, TimelinessView.StageFigures> view = TimelinessView.of(t);
    TimelinessView.StageFigures plan = view.get("plan-issued");
    assertEquals(List.of("2021", "2022", "2023"), plan.periods());
    TimelinessView.Row within =
        plan.rows().stream()
            .filter(r -> r.label().equals(DfeMeasure.WITHIN_20_WEEKS_EXCLUDING.label()))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("21.9%", "not available", "7.6%"),
        within.council().stream().map(TimelinessView.Cell::text).toList());
    assertEquals(
        List.of("59.9%", "50.7%", "50.3%"),
        within.england().stream().map(TimelinessView.Cell::text).toList());
    assertTrue(view.get("phase-transfer").rows().isEmpty(), "the DfE publishes no such figure");
    assertEquals(
        "1,675",
        view.get("request").rows().get(0).council().get(2).text(),
        "counts with thousands separators");
  }

  @Test
  void aCouncilWhoseOwnRowsAreAllSuppressedStillImports() {
    EhcTimeliness rutland = DfeEhcpCsv.read(fixture(), "ehcp.csv", "857", NOW);
    assertEquals("Rutland", rutland.areaName());
    assertNull(figure(rutland, EhcTimeliness.COUNCIL, "2023", DfeMeasure.PLANS_ISSUED).value());
    assertEquals(
        312.0, figure(rutland, EhcTimeliness.COUNCIL, "2023", DfeMeasure.PLANS_MAINTAINED).value());
  }

  private static List<FieldError> refused(String csv, String code) {
    ProblemException p =
        assertThrows(
            ProblemException.class,
            () -> DfeEhcpCsv.read(csv.getBytes(StandardCharsets.UTF_8), "x.csv", code, NOW));
    assertEquals(400, p.status());
    return p.errors();
  }

  @Test
  void wrongFilesAreRefusedWithWhatIsWrong() {
    String header =
        "time_period,time_identifier,geographic_level,new_la_code,old_la_code,la_name,new_ehcps,pct_within_20wks_exc\n";
    assertEquals(
        "area",
        refused(
                header + "2023,Calendar year,Local authority,E06000016,856,Leicester,844,61.4\n",
                "E10000018")
            .get(0)
            .field(),
        "another council's file");
    assertTrue(
        refused("name,answer\nJo,yes\n", "E10000018").get(0).message().contains("time_period"),
        "a survey export, not the DfE file");
    assertTrue(
        refused("time_period,geographic_level,la_name,foo\n2023,National,,1\n", "855")
            .get(0)
            .message()
            .contains("none of the measures"));
    assertTrue(
        refused(
                header
                    + "2023,Calendar year,Local authority,E10000018,855,Leicestershire,12a,7.6\n",
                "855")
            .get(0)
            .message()
            .contains("\"12a\" in the new_ehcps column is not a number"));
    assertTrue(
        refused(
                header + "2023,Calendar year,Local authority,E10000018,855,Leicestershire,-3,7.6\n",
                "855")
            .get(0)
            .message()
            .contains("not a number"),
        "a negative count");
    assertTrue(
        refused(
                header + "2023,Calendar year,Local authority,E10000018,855,Leicestershire,10,140\n",
                "855")
            .get(0)
            .message()
            .contains("more than 100%"));
    assertTrue(
        refused(
                header
                    + "2023,Calendar year,Local authority,E10000018,855,Leicestershire,10,7.6\n"
                    + "2023,Calendar year,Local authority,E10000018,855,Leicestershire,11,7.6\n",
                "855")
            .get(0)
            .message()
            .contains("a second, different row"));
    assertTrue(
        refused(
                header
                    + "last year,Calendar year,Local authority,E10000018,855,Leicestershire,10,7.6\n",
                "855")
            .get(0)
            .message()
            .contains("is not a year"));
    assertEquals("area", refused(header, " ").get(0).field(), "no code typed");
    assertEquals(
        "area",
        refused(header, "E10000018").get(0).field(),
        "only a header: no row for the council");
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreRead() {
    String csv =
        "\uFEFFtime_period,time_identifier,geographic_level,new_la_code,la_name,new_ehcps\r\n"
            + "2023,Calendar year,Local authority,E10000018,Leicestershire,1019\r\n";
    EhcTimeliness t =
        DfeEhcpCsv.read(csv.getBytes(StandardCharsets.UTF_8), "x.csv", "E10000018", NOW);
    assertEquals(1019.0, figure(t, EhcTimeliness.COUNCIL, "2023", DfeMeasure.PLANS_ISSUED).value());
    assertEquals("2023/24", DfeEhcpCsv.periodLabel("202324", "Academic year"));
    assertEquals("2023-24", DfeEhcpCsv.periodLabel("202324", "Financial year"));
  }
}
