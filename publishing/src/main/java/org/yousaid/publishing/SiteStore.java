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
}
