package org.yousaid.functions.publisher;

import java.util.Optional;
import org.yousaid.publishing.SiteFile;
import org.yousaid.publishing.SiteStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The published site in an S3 bucket; each key is the file's site path, e.g. {@code
 * published/demo/index.html}.
 */
public final class S3SiteStore implements SiteStore {

  private final S3Client s3;
  private final String bucket;

  public S3SiteStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static S3SiteStore fromEnvironment() {
    String bucket = System.getenv("SITE_BUCKET");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException("Set SITE_BUCKET to the published site's bucket");
    }
    return new S3SiteStore(
        S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), bucket);
  }

  @Override
  public void put(SiteFile file) {
    // A PUT replaces the object as a whole: readers see the old file or the new one. Pages change
    // with each publication, so caches must check back; versions' files never change.
    String cache =
        file.path().contains("/versions/")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(file.path())
                .contentType(file.contentType())
                .cacheControl(cache)
                .checksumAlgorithm("SHA256"),
        RequestBody.fromBytes(file.body()));
  }

  /**
   * Deletes every stored version of the object and its delete markers, so nothing of it stays in
   * the versioned bucket (a plain delete would only add a marker and keep the bytes for the
   * lifecycle rule's days). The CDN's copy is not touched here: versions' pages are cached as
   * immutable, so a CloudFront invalidation is still needed (see README, "what remains").
   */
  @Override
  public void delete(String path) {
    var versions = s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(path));
    for (var page : versions) {
      for (var v : page.versions()) {
        if (v.key().equals(path)) {
          s3.deleteObject(b -> b.bucket(bucket).key(path).versionId(v.versionId()));
        }
      }
      for (var marker : page.deleteMarkers()) {
        if (marker.key().equals(path)) {
          s3.deleteObject(b -> b.bucket(bucket).key(path).versionId(marker.versionId()));
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String path) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(path)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }
}
