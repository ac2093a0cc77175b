package org.yousaid.functions.officer.journey;

import java.time.Instant;
import java.util.List;

/**
 * The council's SEND population counts, as an officer imported them: how many children and young
 * people with an EHC plan are in each respondent group (district, age band, area of need, role).
 *
 * @param children null where the council's own file withheld the number
 */
public record SendPopulation(String fileName, Instant importedAt, List<Group> groups) {

  public record Group(String dimension, String code, String label, Long children) {}

  public SendPopulation {
    groups = List.copyOf(groups);
  }
}
