package org.yousaid.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of the published site: its path under the site root, its bytes and their media type. */
public record SiteFile(String path, byte[] body, String contentType) {

  public static SiteFile text(String path, String body, String contentType) {
    return new SiteFile(path, body.getBytes(StandardCharsets.UTF_8), contentType);
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
