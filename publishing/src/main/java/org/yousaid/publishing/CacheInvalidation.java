package org.yousaid.publishing;

import java.io.IOException;
import java.util.List;

/**
 * Tells the CDN in front of the published site to drop its copies of files a publication changed or
 * withdrew, so nobody is served an erased answer from a cache: CloudFront in AWS; nothing in local
 * mode, which serves the folder directly.
 */
public interface CacheInvalidation {

  /**
   * Drops the cached copies of these paths, in one request.
   *
   * @param requestId the publication's request id: asking again with the same id and paths (a
   *     redelivered request) is the same invalidation, not a second one
   * @param paths URL paths, each starting with {@code /}, e.g. {@code /published/demo/index.html}
   */
  void invalidate(String requestId, List<String> paths) throws IOException;

  /** For a site with no cache in front of it (local mode serves the folder itself). */
  CacheInvalidation NONE = (requestId, paths) -> {};
}
