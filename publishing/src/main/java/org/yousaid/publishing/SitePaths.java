package org.yousaid.publishing;

/**
 * Where each published file lives under the site root (contract in DESIGN.md: {@code
 * /published/{council}/index.html}, {@code …/{consultation}/index.html}, {@code
 * you-said-we-did.json}, {@code .csv}, {@code /published/{council}/feed.atom}).
 */
public final class SitePaths {

  public static final String ROOT = "published/";
  public static final String JSON = "you-said-we-did.json";
  public static final String CSV = "you-said-we-did.csv";

  private SitePaths() {}

  public static String council(String council) {
    return ROOT + council + "/";
  }

  public static String consultation(String council, String consultation) {
    return council(council) + consultation + "/";
  }

  /** The folder of one version, which is never written again once published. */
  public static String version(String council, String consultation, int version) {
    return consultation(council, consultation) + "versions/" + version + "/";
  }

  public static String feed(String council) {
    return council(council) + "feed.atom";
  }

  public static String assets() {
    return ROOT + "assets/";
  }
}
