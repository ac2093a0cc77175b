package org.yousaid.functions.publicweb;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.dynamodblocal.FaultInjectingDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A real DynamoDB Local table with the demo council's consultations, the sample API Gateway events
 * from {@code events/}, and the handlers under test built on both.
 */
final class HandlerFixture {

  static final String COUNCIL = "demo";
  static final String LOCAL_OFFER = "local-offer-2026";
  static final String EHC_SURVEY = "ehc-plan-survey";
  static final String PAGE_FEEDBACK = "page-feedback";
  static final String CLOSED = "closed-survey";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  /** Text that would run script if any page showed it unescaped. */
  static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";

  final DynamoTable table;
  final Services services;

  HandlerFixture(DynamoTable table) {
    this(table, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  HandlerFixture(DynamoTable table, Clock clock) {
    this.table = table;
    services = new Services(table.client(), table.name(), clock);
    List<String> districts = List.of("North", "South", "East", "West", "Central");
    services
        .consultations()
        .save(
            ConsultationTemplates.localOffer(
                COUNCIL, "Demo Borough Council", LOCAL_OFFER, districts, null, null));
    services
        .consultations()
        .save(
            ConsultationTemplates.ehcStageSurvey(
                COUNCIL, "Demo Borough Council", EHC_SURVEY, districts));
    services
        .consultations()
        .save(ConsultationTemplates.pageFeedback(COUNCIL, "Demo Borough Council", PAGE_FEEDBACK));
    Consultation closed =
        ConsultationTemplates.localOffer(
            COUNCIL,
            "Demo Borough Council",
            CLOSED,
            districts,
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-03-01T00:00:00Z"));
    services.consultations().save(closed.withStatus(ConsultationStatus.CLOSED));
  }

  /** Public handlers whose DynamoDB client a test makes fail, with no rate limit. */
  record FaultyHandlers(
      FaultInjectingDynamoDb faulty, PublicFormHandler forms, SubmissionApiHandler api) {}

  FaultyHandlers handlersWithFaults() {
    FaultInjectingDynamoDb faulty = new FaultInjectingDynamoDb(table.client());
    Services faultyServices = new Services(faulty, table.name(), Clock.fixed(NOW, ZoneOffset.UTC));
    return new FaultyHandlers(
        faulty,
        new PublicFormHandler(faultyServices, RateLimiter.off()),
        new SubmissionApiHandler(faultyServices, RateLimiter.off()));
  }

  /** Every item in the table: consultations, responses, idempotency and receipt records. */
  int itemCount() {
    return table
        .client()
        .scan(b -> b.tableName(table.name()).select(Select.COUNT).consistentRead(true))
        .count();
  }

  static Path repoRoot() {
    String root = System.getProperty("yousaid.repo.root");
    Path path = root == null || root.isBlank() ? Path.of("../..") : Path.of(root);
    if (!Files.isDirectory(path.resolve("events"))) {
      throw new IllegalStateException(
          "Cannot find the events/ folder under " + path.toAbsolutePath());
    }
    return path;
  }

  /** A fresh copy of a sample event from {@code events/}, loaded as the Lambda runtime would. */
  static APIGatewayV2HTTPEvent event(String name) {
    APIGatewayV2HTTPEvent event =
        EventLoader.loadApiGatewayHttpEvent(repoRoot().resolve("events").resolve(name).toString());
    if (event == null || event.getRouteKey() == null) {
      throw new IllegalStateException("Could not load events/" + name);
    }
    // Copy the maps so a test may change them.
    event.setHeaders(new HashMap<>(event.getHeaders()));
    if (event.getPathParameters() != null) {
      event.setPathParameters(new HashMap<>(event.getPathParameters()));
    }
    return event;
  }

  /** The body of an event as text, decoding base64 as the handler would. */
  static String bodyOf(APIGatewayV2HTTPEvent event) {
    return event.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
        : event.getBody();
  }

  /** Replaces the body, keeping the event's own encoding (base64 or not). */
  static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
    event.setBody(
        event.getIsBase64Encoded()
            ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
            : body);
    event
        .getHeaders()
        .put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
    return event;
  }

  static APIGatewayV2HTTPEvent withPathParameter(
      APIGatewayV2HTTPEvent event, String name, String value) {
    String old = event.getPathParameters().get(name);
    event.getPathParameters().put(name, value);
    event.setRawPath(event.getRawPath().replace("/" + old, "/" + value));
    event.getRequestContext().getHttp().setPath(event.getRawPath());
    return event;
  }

  static String header(APIGatewayV2HTTPResponse response, String name) {
    Map<String, String> headers = response.getHeaders();
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
