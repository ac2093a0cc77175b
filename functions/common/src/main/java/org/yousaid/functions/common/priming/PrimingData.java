package org.yousaid.functions.common.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.functions.common.Services;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.shared.validation.RawSubmission;

/**
 * Made-up sample data and events for priming: a consultation from the Local Offer template of a
 * council that does not exist, answers written for the purpose (no one's words), and API Gateway /
 * SQS events shaped like those in {@code events/}. Everything lives in an {@link InMemoryDynamoDb}.
 */
public final class PrimingData {

  public static final String COUNCIL = "priming";
  public static final String CONSULTATION = "priming-local-offer";

  /** Sample free-text answers, varied enough for the theming engine to find a few themes. */
  private static final List<String> SAMPLE_TEXT =
      List.of(
          "A single search page with filters for age and need would help.",
          "Knowing who to call when things go wrong.",
          "Clearer information about short breaks and how to apply.",
          "The website is hard to use on a phone.",
          "Plain English please, fewer acronyms.",
          "More activities in the school holidays for older children.",
          "Information about transport to school and college.",
          "It took months to get a reply about the EHC assessment.",
          "A list of local support groups for parents.",
          "Easy read versions for young people.",
          "The search results are out of date.",
          "Better help with moving to adult services at 18.");

  private final Services services;
  private final Consultation consultation;

  private PrimingData(Services services, Consultation consultation) {
    this.services = services;
    this.consultation = consultation;
  }

  /** A fresh in-memory table holding the sample consultation, open for answers. */
  public static PrimingData create() {
    Services services = new Services(new InMemoryDynamoDb(), "priming", Clock.systemUTC());
    Consultation consultation =
        ConsultationTemplates.localOffer(
            COUNCIL, "Priming Council", CONSULTATION, List.of("North", "South"), null, null);
    services.consultations().create(consultation);
    return new PrimingData(services, consultation);
  }

  public Services services() {
    return services;
  }

  public Consultation consultation() {
    return consultation;
  }

  /** The n-th sample submission: every question answered with a valid value. */
  public RawSubmission submission(int n) {
    return new RawSubmission(answers(n), Map.of("role", List.of("parent-carer")), "yes", List.of());
  }

  /**
   * Stores {@code count} sample responses through the real submission path; returns the receipts.
   */
  public List<String> seedResponses(int count) {
    List<String> receipts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      receipts.add(
          services
              .submissions()
              .submit(
                  COUNCIL, CONSULTATION, submission(i), UUID.randomUUID().toString(), Channel.WEB)
              .receipt());
    }
    return receipts;
  }

  public Map<String, List<String>> answers(int n) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    int q = 0;
    for (Question question : consultation.questions()) {
      List<ChoiceOption> options = question.effectiveOptions();
      if (question.type() == QuestionType.FREE_TEXT) {
        answers.put(question.id(), List.of(SAMPLE_TEXT.get((n + q) % SAMPLE_TEXT.size())));
      } else if (question.type() == QuestionType.MULTI_CHOICE && options.size() > 1) {
        answers.put(
            question.id(),
            List.of(
                options.get(n % options.size()).value(),
                options.get((n + 1) % options.size()).value()));
      } else if (!options.isEmpty()) {
        answers.put(question.id(), List.of(options.get(n % options.size()).value()));
      }
      q++;
    }
    return answers;
  }

  /** The n-th submission as the public form posts it (URL-encoded). */
  public String formBody(int n, String formToken) {
    StringBuilder body =
        new StringBuilder("formToken=")
            .append(formToken)
            .append("&consent=yes&profile.role=parent-carer");
    answers(n)
        .forEach(
            (question, values) ->
                values.forEach(
                    v ->
                        body.append("&q.")
                            .append(question)
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return body.toString();
  }

  /** The n-th submission as the JSON API takes it. */
  public String jsonBody(int n) {
    Map<String, Object> answers = new LinkedHashMap<>();
    consultation
        .questions()
        .forEach(
            question -> {
              List<String> values = answers(n).get(question.id());
              if (values != null) {
                answers.put(
                    question.id(),
                    question.type() == QuestionType.MULTI_CHOICE ? values : values.get(0));
              }
            });
    return Json.write(
        Map.of(
            "answers", answers, "profile", Map.of("role", "parent-carer"), "consentToQuote", true));
  }

  /**
   * An HTTP API (payload 2.0) event as API Gateway sends it; a form body is base64-encoded, as
   * there.
   */
  public static APIGatewayV2HTTPEvent http(
      String routeKey,
      String path,
      Map<String, String> pathParameters,
      Map<String, String> headers,
      String body) {
    Map<String, String> allHeaders = new HashMap<>(headers);
    allHeaders.putIfAbsent("host", "priming.execute-api.eu-west-2.amazonaws.com");
    allHeaders.putIfAbsent("user-agent", "yousaid-priming");
    boolean form = "application/x-www-form-urlencoded".equals(allHeaders.get("content-type"));
    String method = routeKey.substring(0, routeKey.indexOf(' '));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(path)
        .withRawQueryString("")
        .withHeaders(allHeaders)
        .withPathParameters(pathParameters)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("priming-" + UUID.randomUUID())
                .withRouteKey(routeKey)
                .withStage("$default")
                .withDomainName("priming.execute-api.eu-west-2.amazonaws.com")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("192.0.2.1")
                        .withUserAgent("yousaid-priming")
                        .build())
                .build())
        .withBody(
            body == null
                ? null
                : form
                    ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                    : body)
        .withIsBase64Encoded(body != null && form)
        .build();
  }

  /** An SQS event with one message, as the event source mapping delivers it. */
  public static SQSEvent sqs(String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("priming-" + UUID.randomUUID());
    message.setBody(body);
    message.setEventSource("aws:sqs");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }
}
