package org.yousaid.functions.officer.journey;

import java.time.Instant;
import java.util.List;

/**
 * A council's own timeliness figures from the DfE EHC plans statistics, and England's for
 * comparison, as an officer imported them. These are already published by the DfE (with its own
 * suppression), so they are shown as the file has them; a suppressed or unavailable value stays
 * "not available", never 0.
 *
 * @param areaCode the code the officer gave (new or old LA code, e.g. E10000018 or 855)
 * @param areaName the council's name as the file spells it
 * @param otherRowsSkipped rows of other councils, regions or breakdowns that were left out
 */
public record EhcTimeliness(
    String areaCode,
    String areaName,
    String fileName,
    Instant importedAt,
    List<Figure> figures,
    int otherRowsSkipped) {

  public static final String COUNCIL = "council";
  public static final String ENGLAND = "england";

  /**
   * One value: a measure for one period, of the council or of England.
   *
   * @param value null when the file had no number
   * @param missing why not, in plain words ("suppressed to protect confidentiality"), or null
   */
  public record Figure(
      String area,
      String period,
      String periodLabel,
      DfeMeasure measure,
      Double value,
      String missing) {}

  public EhcTimeliness {
    figures = List.copyOf(figures);
  }
}
