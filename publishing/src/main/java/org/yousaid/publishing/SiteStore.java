package org.yousaid.publishing;

import java.io.IOException;
import java.util.Optional;

/** Where the published site lives: an S3 bucket in AWS, a folder in local mode. */
public interface SiteStore {

  /**
   * Writes one file, replacing any earlier one at that path as a whole (readers never see half a
   * file).
   */
  void put(SiteFile file) throws IOException;

  Optional<byte[]> get(String path) throws IOException;

  /**
   * Removes a file for good: in a versioned S3 bucket every stored version of it, and the CDN's
   * cached copy, so nothing of it can be read again. Nothing happens if there is no such file.
   */
  void delete(String path) throws IOException;

  /**
   * Replaces a file and removes every earlier copy of it (older S3 object versions, the CDN's
   * cache): for a page whose old content must not be read again.
   */
  default void replace(SiteFile file) throws IOException {
    delete(file.path());
    put(file);
  }
}
