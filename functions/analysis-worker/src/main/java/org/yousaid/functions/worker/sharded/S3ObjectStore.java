package org.yousaid.functions.worker.sharded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yousaid.analysis.sharded.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The shards' bucket (template.yaml's AnalysisShardBucket: private, encrypted, objects expire after
 * a few days in case a run never finished). Not tested here: no S3 runs on this machine; the same
 * code paths run against {@code DirectoryObjectStore} in the tests.
 */
public final class S3ObjectStore implements ObjectStore {
  private final S3Client s3;
  private final String bucket;

  public S3ObjectStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static S3ObjectStore fromEnvironment() {
    return new S3ObjectStore(
        S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
        ShardingSettings.required("SHARD_BUCKET"));
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public void put(String key, byte[] bytes) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> list(String prefix) {
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
        .contents()
        .forEach(o -> keys.add(o.key()));
    return keys;
  }

  @Override
  public void deleteAll(String prefix) {
    List<String> keys = list(prefix);
    for (int i = 0; i < keys.size(); i += 1000) {
      List<ObjectIdentifier> batch =
          keys.subList(i, Math.min(keys.size(), i + 1000)).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
    }
  }
}
