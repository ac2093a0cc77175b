package org.yousaid.functions.officer.journey;

import org.yousaid.shared.storage.CouncilDatasets;

/** The kinds of council-wide imports the officer pages keep in {@link CouncilDatasets}. */
public final class Datasets {

  public static final String TIMELINESS = CouncilDatasets.TIMELINESS;
  public static final String POPULATION = CouncilDatasets.POPULATION;
  public static final String SERVICES = CouncilDatasets.SERVICES;

  private Datasets() {}
}
