package org.yousaid.functions.officer.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.functions.officer.TableAttacker;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.model.Role;
import org.yousaid.shared.submission.ProblemException;

/**
 * Who has been heard, against the council's SEND population: answers per 100 children, groups
 * under-represented named, and no count of 1 to 4 shown or worked out (answers or children).
 */
class CoverageStatsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private int ids;

  static byte[] fixture() {
    try (InputStream in = CoverageStatsTest.class.getResourceAsStream("/journey/population.csv")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Response from(String district, AgeBand age, Role role, AreaOfNeed... needs) {
    return new Response(
        "R" + ids++,
        "demo",
        "c",
        NOW,
        Channel.WEB,
        List.of(),
        new RespondentProfile(role, age, List.of(needs), district, null),
        false,
        "X",
        0,
        null);
  }

  @Test
  void thePopulationFileIsReadWithCodesAndLabels() {
    SendPopulation p = SendPopulationCsv.read(fixture(), "population.csv", NOW);
    assertEquals(11, p.groups().size());
    SendPopulation.Group need =
        p.groups().stream().filter(g -> g.dimension().equals("area-of-need")).toList().get(1);
    assertEquals("social-emotional-mental-health", need.code());
    assertEquals("Social, emotional and mental health", need.label());
    assertNull(
        p.groups().stream()
            .filter(g -> g.label().equals("North West Leicestershire"))
            .findFirst()
            .orElseThrow()
            .children(),
        "c is not available, not 0");
  }

  private static String refused(String csv) {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> SendPopulationCsv.read(csv.getBytes(StandardCharsets.UTF_8), "p.csv", NOW));
    return String.join(" | ", e.errors().stream().map(f -> f.message()).toList());
  }

  @Test
  void aWrongPopulationFileIsRefusedRowByRow() {
    assertTrue(refused("district,children\nBlaby,10\n").contains("dimension, group and children"));
    String all =
        refused(
            "dimension,group,children\n"
                + "district,Blaby,ten\n"
                + "postcode,LE1,5\n"
                + "age band,2-4,10\n"
                + "district,Blaby,10\n"
                + "district,BLABY,11\n"
                + "role,Parent or carer,-1\n");
    assertTrue(all.contains("Row 2: \"ten\" is not a number"), all);
    assertTrue(all.contains("Row 3: \"postcode\" is not a dimension"), all);
    assertTrue(
        all.contains("Row 4: \"2-4\" is not a group of age band (one of: 0 to 5 years"), all);
    assertTrue(all.contains("Row 6: BLABY is in the file twice (also row 5)"), all);
    assertTrue(all.contains("Row 7: \"-1\" is not a number"), all);
    assertTrue(refused("dimension,group,children\n").contains("no groups"));
  }

  @Test
  void underRepresentedGroupsAreNamedAndRatesArePer100Children() {
    SendPopulation p = SendPopulationCsv.read(fixture(), "population.csv", NOW);
    List<Response> rs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rs.add(
          from(
              "Charnwood",
              AgeBand.AGE_5_16,
              Role.PARENT_CARER,
              AreaOfNeed.COMMUNICATION_AND_INTERACTION));
    }
    for (int i = 0; i < 30; i++) {
      rs.add(from("Blaby", AgeBand.AGE_5_16, Role.PARENT_CARER));
    }
    for (int i = 0; i < 6; i++) {
      rs.add(from("Harborough", AgeBand.AGE_16_25, Role.YOUNG_PERSON));
    }
    for (int i = 0; i < 2; i++) {
      rs.add(from("harborough ", AgeBand.AGE_0_5, null));
    }
    for (int i = 0; i < 6; i++) {
      rs.add(from(null, AgeBand.AGE_5_16, Role.PARENT_CARER));
    }
    CoverageStats.Coverage c = CoverageStats.of(rs, p);
    assertNoSmallCountShownOrPinned(c);
    CoverageStats.DimensionView districts = c.dimensions().get(0);
    CoverageStats.Group charnwood = group(districts, "Charnwood");
    assertEquals(60, charnwood.answers().shown());
    assertEquals("5.0", charnwood.rate(), "60 answers per 1,210 children");
    assertFalse(charnwood.underRepresented());
    CoverageStats.Group harborough = group(districts, "Harborough");
    assertEquals(8, harborough.answers().shown(), "spelling and spaces aside, one district");
    assertTrue(harborough.underRepresented(), "8 of 580: 1.4 per 100, under half of 4.0");
    assertEquals("4.0", districts.rate(), "98 answers from 2,430 children; Melton's 3 not counted");
    assertEquals("fewer than 5", group(districts, "Melton").children().text());
    assertEquals("not available", group(districts, "North West Leicestershire").children().text());
  }

  @Test
  void aSmallGroupIsFlaggedOnlyWhenItWouldBeWhateverItsHiddenCountIs() {
    SendPopulation p =
        new SendPopulation(
            "p.csv",
            NOW,
            List.of(
                new SendPopulation.Group("district", "big", "Big", 100L),
                new SendPopulation.Group("district", "huge", "Huge", 2000L),
                new SendPopulation.Group("district", "small", "Small", 8L)));
    List<Response> rs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rs.add(from("Big", null, null));
    }
    for (int i = 0; i < 3; i++) {
      rs.add(from("Huge", null, null));
      rs.add(from("Small", null, null));
    }
    CoverageStats.Coverage c = CoverageStats.of(rs, p);
    assertNoSmallCountShownOrPinned(c);
    CoverageStats.DimensionView d = c.dimensions().get(0);
    assertTrue(group(d, "Huge").underRepresented(), "even 4 of 2,000 is under half the rate");
    assertTrue(group(d, "Huge").note().startsWith("Fewer than 5 answers from 2000 children"));
    assertFalse(
        group(d, "Small").underRepresented(), "4 of 8 would not be under half of 60: no flag");
    assertEquals(List.of("Huge"), d.notHeard());
  }

  @Test
  void randomGroupsNeverShowOrGiveAwayASmallCount() {
    Random random = new Random(5);
    String[] districts = {"Blaby", "Charnwood", "Harborough", "Melton", "Elsewhere"};
    SendPopulation p = SendPopulationCsv.read(fixture(), "population.csv", NOW);
    for (int round = 0; round < 6; round++) {
      List<Response> rs = new ArrayList<>();
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        rs.add(
            from(
                random.nextInt(6) == 0 ? null : districts[random.nextInt(districts.length)],
                random.nextInt(5) == 0 ? null : AgeBand.values()[random.nextInt(3)],
                random.nextInt(4) == 0 ? null : Role.values()[random.nextInt(4)],
                random.nextBoolean()
                    ? new AreaOfNeed[] {AreaOfNeed.values()[random.nextInt(4)]}
                    : new AreaOfNeed[] {
                      AreaOfNeed.COGNITION_AND_LEARNING, AreaOfNeed.SENSORY_AND_PHYSICAL
                    }));
      }
      assertNoSmallCountShownOrPinned(CoverageStats.of(rs, round % 2 == 0 ? p : null));
    }
  }

  private static CoverageStats.Group group(CoverageStats.DimensionView d, String label) {
    return d.groups().stream().filter(g -> g.label().equals(label)).findFirst().orElseThrow();
  }

  /** The page as a reader sees it: every table's rows add up to all responses (needs overlap). */
  static void assertNoSmallCountShownOrPinned(CoverageStats.Coverage c) {
    TableAttacker reader = new TableAttacker();
    String all = reader.count("all", shown(c.responses()));
    for (CoverageStats.DimensionView d : c.dimensions()) {
      List<String> answers = new ArrayList<>();
      List<String> children = new ArrayList<>();
      for (CoverageStats.Group g : d.groups()) {
        String a = reader.count(d.code() + ":" + g.label(), shown(g.answers()));
        answers.add(a);
        reader.atMost(a, all);
        if (g.children().shown() > -3) {
          children.add(reader.count(d.code() + ":" + g.label() + ":children", shown(g.children())));
        }
        if (g.answers().shown() < 0 || g.children().shown() < 0) {
          assertTrue(
              g.rate().isEmpty() || g.rate().equals("not shown"), "no rate from a hidden count");
        }
      }
      if (!d.code().equals("area-of-need")) {
        reader.total(all, answers);
      }
    }
    assertEquals(List.of(), reader.pinned());
  }

  private static int shown(CoverageStats.Count count) {
    assertFalse(count.shown() > 0 && count.shown() < CoverageStats.FEW, "shown: " + count);
    return count.shown();
  }
}
