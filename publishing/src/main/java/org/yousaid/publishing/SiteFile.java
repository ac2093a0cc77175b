package org.yousaid.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the published site: its path under the site root, its bytes, their media type and how
 * long caches (CloudFront, browsers) may keep it.
 *
 * @param cacheControl the {@code Cache-Control} header it is stored with: a version's files never
 *     change, so they are cached for a year as immutable; every other file (current pages, feed,
 *     index, a withdrawn version's notice) only briefly, as the next publication or erasure
 *     replaces it
 */
public record SiteFile(String path, byte[] body, String contentType, String cacheControl) {

  /** For files that never change once written: a published version's page, JSON and CSV. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** For files a later publication replaces; CloudFront is also told to drop them at once. */
  public static final String SHORT = "public, max-age=300";

  /** A file cached as its path says: immutable inside a version's folder, briefly elsewhere. */
  public SiteFile(String path, byte[] body, String contentType) {
    this(path, body, contentType, path.contains("/versions/") ? IMMUTABLE : SHORT);
  }

  public static SiteFile text(String path, String body, String contentType) {
    return new SiteFile(path, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** The same file, cached only briefly whatever its path (a withdrawn version's notice). */
  public SiteFile cachedBriefly() {
    return new SiteFile(path, body, contentType, SHORT);
  }

  public String sha256() {
    return sha256(body);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
