package org.yousaid.functions.publisher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.publishing.SiteFile;
import org.yousaid.publishing.SiteStore;
import org.yousaid.shared.json.Json;

/**
 * SnapStart priming for PublishFunction: a sample consultation with made-up answers published a few
 * times through the real handler (pages, JSON, CSV, Atom feed, SHA-256 log), into memory: no S3, no
 * DynamoDB.
 */
public final class PublisherPriming {

  static final int ROUNDS = 5;

  private PublisherPriming() {}

  /** Publishes the sample; returns how many files the in-memory site holds afterwards. */
  public static int prime() {
    PrimingData data = PrimingData.create();
    data.seedResponses(20);
    Map<String, byte[]> files = new ConcurrentHashMap<>();
    SiteStore memory =
        new SiteStore() {
          @Override
          public void put(SiteFile file) {
            files.put(file.path(), file.body());
          }

          @Override
          public Optional<byte[]> get(String path) {
            return Optional.ofNullable(files.get(path));
          }

          @Override
          public void delete(String path) {
            files.remove(path);
          }
        };
    PublishHandler handler = new PublishHandler(data.services(), memory);
    for (int round = 0; round < ROUNDS; round++) {
      String job =
          Json.write(
              Map.of(
                  "council",
                  PrimingData.COUNCIL,
                  "consultationId",
                  PrimingData.CONSULTATION,
                  "officer",
                  "priming",
                  "requestId",
                  "priming-" + round));
      if (!handler.handleRequest(PrimingData.sqs(job), null).getBatchItemFailures().isEmpty()) {
        throw new IllegalStateException("the sample publication failed");
      }
    }
    return files.size();
  }
}
