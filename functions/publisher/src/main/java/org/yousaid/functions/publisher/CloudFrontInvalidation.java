package org.yousaid.functions.publisher;

import java.util.List;
import org.yousaid.publishing.CacheInvalidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Drops CloudFront's copies of the paths a publication changed or withdrew: one invalidation per
 * publication, its caller reference the publication's request id, so a redelivered request is the
 * same invalidation (CloudFront returns the existing one) rather than another.
 */
public final class CloudFrontInvalidation implements CacheInvalidation {

  /** The published site's distribution id (template.yaml: {@code !Ref SiteDistribution}). */
  public static final String VARIABLE = "SITE_DISTRIBUTION_ID";

  private final CloudFrontClient cloudFront;
  private final String distributionId;

  public CloudFrontInvalidation(CloudFrontClient cloudFront, String distributionId) {
    this.cloudFront = cloudFront;
    this.distributionId = distributionId;
  }

  public static CloudFrontInvalidation fromEnvironment() {
    String distribution = System.getenv(VARIABLE);
    if (distribution == null || distribution.isBlank()) {
      throw new IllegalStateException("Set " + VARIABLE + " to the published site's distribution");
    }
    // CloudFront's API is global: its endpoint is in us-east-1 whatever region the function runs
    // in.
    return new CloudFrontInvalidation(
        CloudFrontClient.builder()
            .region(Region.AWS_GLOBAL)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build(),
        distribution);
  }

  @Override
  public void invalidate(String requestId, List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    cloudFront.createInvalidation(
        r ->
            r.distributionId(distributionId)
                .invalidationBatch(
                    b ->
                        b.callerReference(requestId)
                            .paths(p -> p.quantity(paths.size()).items(paths))));
  }
}
