package org.yousaid.functions.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.publishing.CacheInvalidation;
import org.yousaid.publishing.FolderSiteStore;
import org.yousaid.publishing.Publisher;
import org.yousaid.publishing.SiteFile;
import org.yousaid.publishing.SiteStore;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableSetup;
import org.yousaid.shared.templates.ConsultationTemplates;

/**
 * The stream handler against DynamoDB Local and a site in a folder, fed records shaped as Lambda
 * delivers them from a KEYS_ONLY stream. CloudFront cannot run here: a recording {@link
 * CacheInvalidation} shows what it would be asked.
 */
class ErasureStreamHandlerTest {

  static final String COUNCIL = "streamshire";
  static final String ID = "lo-2027";

  EmbeddedDynamoDb dynamo;
  Services services;
  FolderSiteStore site;
  List<Map.Entry<String, List<String>>> invalidations = new ArrayList<>();
  CacheInvalidation recording = (id, paths) -> invalidations.add(Map.entry(id, paths));
  List<String> receipts = new ArrayList<>();

  @BeforeEach
  void setUp(@TempDir Path folder) {
    dynamo = EmbeddedDynamoDb.inMemory();
    TableSetup.createIfMissing(dynamo.client(), "erasures");
    services = new Services(dynamo.client(), "erasures", Clock.systemUTC());
    site = new FolderSiteStore(folder);
    services
        .consultations()
        .create(
            ConsultationTemplates.localOffer(
                COUNCIL, "Streamshire", ID, List.of("North", "South"), null, null));
    PrimingData sample = PrimingData.create();
    for (int i = 0; i < 12; i++) {
      receipts.add(
          services
              .submissions()
              .submit(COUNCIL, ID, sample.submission(i), UUID.randomUUID().toString(), Channel.WEB)
              .receipt());
    }
  }

  @AfterEach
  void tearDown() {
    dynamo.close();
  }

  /** Erases with a receipt as the public function does; returns the erasure's stream record. */
  private DynamodbEvent.DynamodbStreamRecord erase(String receipt, String sequence) {
    String responseId = services.responses().findByReceipt(receipt).orElseThrow().id();
    assertTrue(services.responses().eraseByReceipt(receipt));
    return record(
        TableLayout.consultationPk(COUNCIL, ID), TableLayout.erasureSk(responseId), sequence);
  }

  /** A record as Lambda delivers a KEYS_ONLY stream's INSERT: keys, no item. */
  static DynamodbEvent.DynamodbStreamRecord record(String pk, String sk, String sequence) {
    StreamRecord change = new StreamRecord();
    change.setKeys(
        Map.of(
            TableLayout.PK,
            new AttributeValue().withS(pk),
            TableLayout.SK,
            new AttributeValue().withS(sk)));
    change.setSequenceNumber(sequence);
    change.setStreamViewType(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.KEYS_ONLY);
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setEventSource("aws:dynamodb");
    record.setDynamodb(change);
    return record;
  }

  static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return event;
  }

  private List<Publication> versions() {
    return services.publications().versions(COUNCIL, ID);
  }

  @Test
  void anErasureRecordRepublishesAtOnceAndARedeliveryPublishesNothingTwice() throws IOException {
    Publisher officer = new Publisher(services, site);
    officer.publish(COUNCIL, ID, "officer", "req-1");
    officer.publish(COUNCIL, ID, "officer", "req-2");
    ErasureStreamHandler handler = new ErasureStreamHandler(services, site, recording);
    DynamodbEvent erased = event(erase(receipts.get(0), "100"));

    StreamsEventResponse response = handler.handleRequest(erased, null);

    assertTrue(response.getBatchItemFailures().isEmpty());
    assertEquals(3, versions().size());
    Publication republished = versions().get(2);
    assertEquals(Publisher.ERASURE_REASON, republished.reason());
    assertEquals(List.of(1, 2), republished.withdrawn());
    assertTrue(republished.requestId().startsWith("erasure-"));
    assertEquals(1, invalidations.size());
    assertEquals(republished.requestId(), invalidations.get(0).getKey());
    assertTrue(
        invalidations
            .get(0)
            .getValue()
            .contains("/published/streamshire/lo-2027/versions/1/you-said-we-did.json"));

    assertTrue(handler.handleRequest(erased, null).getBatchItemFailures().isEmpty());
    assertEquals(3, versions().size(), "a redelivered record publishes nothing twice");
    assertEquals(invalidations.get(0), invalidations.get(1), "and asks for the same invalidation");
  }

  @Test
  void anErasureForAConsultationNeverPublishedPublishesNothing() {
    ErasureStreamHandler handler = new ErasureStreamHandler(services, site, recording);
    StreamsEventResponse response =
        handler.handleRequest(event(erase(receipts.get(0), "100")), null);
    assertTrue(response.getBatchItemFailures().isEmpty());
    assertTrue(versions().isEmpty());
    assertTrue(invalidations.isEmpty());
  }

  /**
   * Partial batch response: the first record that fails is named, nothing after it is done (the
   * stream is read in order and Lambda sends them again), and its erasure stays pending.
   */
  @Test
  void aFailedRecordIsReportedAndThoseAfterItComeAgainWithIt() throws IOException {
    new Publisher(services, site).publish(COUNCIL, ID, "officer", "req-1");
    SiteStore broken =
        new SiteStore() {
          @Override
          public void put(SiteFile file) throws IOException {
            throw new IOException("S3 is unreachable");
          }

          @Override
          public Optional<byte[]> get(String path) throws IOException {
            return site.get(path);
          }

          @Override
          public void delete(String path) throws IOException {
            site.delete(path);
          }
        };
    DynamodbEvent batch = event(erase(receipts.get(0), "100"), erase(receipts.get(1), "200"));
    StreamsEventResponse failed =
        new ErasureStreamHandler(services, broken, recording).handleRequest(batch, null);
    assertEquals(
        List.of("100"),
        failed.getBatchItemFailures().stream()
            .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
            .toList());
    assertEquals(1, versions().size());
    assertEquals(2, services.responses().pendingErasures(COUNCIL, ID).size());

    StreamsEventResponse retried =
        new ErasureStreamHandler(services, site, recording).handleRequest(batch, null);
    assertTrue(retried.getBatchItemFailures().isEmpty());
    assertEquals(2, versions().size(), "both erasures in one re-publication");
    assertEquals(List.of(1), versions().get(1).withdrawn());
    assertTrue(services.responses().pendingErasures(COUNCIL, ID).isEmpty());
  }

  @Test
  void onlyNewErasureItemsAreActedOn() {
    new ErasureStreamHandler(services, site, recording)
        .handleRequest(
            event(
                record(TableLayout.consultationPk(COUNCIL, ID), TableLayout.responseSk("x"), "1")),
            null);
    assertTrue(versions().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> TableLayout.consultationOfPk("RECEIPT#abc"));
    assertEquals(
        new TableLayout.ConsultationKey(COUNCIL, ID),
        TableLayout.consultationOfPk(TableLayout.consultationPk(COUNCIL, ID)));
    assertFalse(ErasureStreamHandler.requestId(TableLayout.erasureSk("01J")).contains("#"));
  }
}
