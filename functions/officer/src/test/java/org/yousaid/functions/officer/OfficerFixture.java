package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.functions.common.priming.PrimingData;
import org.yousaid.functions.officer.auth.CognitoSignIn;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerSessions;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.TokenVerifier;
import org.yousaid.functions.publicweb.PublicFormHandler;
import org.yousaid.functions.publicweb.SubmissionApiHandler;
import org.yousaid.functions.publisher.PublishHandler;
import org.yousaid.functions.worker.AnalysisWorkerHandler;
import org.yousaid.publishing.FolderSiteStore;
import org.yousaid.shared.templates.ConsultationTemplates;
import org.yousaid.testing.DynamoTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The officer function as deployed, on a DynamoDB Local table holding the demo council's
 * consultations (as local mode seeds them): Cognito-style ES256 ID tokens from a key made for the
 * test, the public API beside it for parents' answers, and the jobs the pages queue kept so a test
 * can hand them to the real analysis worker or publisher.
 */
final class OfficerFixture {

  static final String COUNCIL = "demo";
  static final String COUNCIL_NAME = "Demo Borough Council";
  static final String LOCAL_OFFER = "local-offer-2026";
  static final String EHC_SURVEY = "ehc-plan-survey";
  static final String PAGE_FEEDBACK = "page-feedback";
  static final String ISSUER = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_test";
  static final String CLIENT = "officer-tests";

  /** Answers to the Local Offer's first question, in three groups the engine can tell apart. */
  static final List<String> ANSWERS =
      List.of(
          "A search box where I can filter by my child's age and needs",
          "Being able to search by age group and type of disability",
          "Search by disability and age would make it so much easier",
          "Filter services by age range and need please",
          "A named key worker I can phone when I am stuck",
          "Someone to talk to, a key worker who knows our family",
          "A single named contact person instead of being passed around",
          "Having one person to call who understands SEND",
          "Plain English with no jargon or acronyms",
          "Information written in plain English that parents can understand",
          "Stop using acronyms like EHCP and SENCO without explaining them",
          "Easy to read pages without professional jargon");

  final Services services;
  final OfficerHandler handler;
  final ApiGateway gateway;

  /** The analysis jobs the officer pages sent and no worker has taken yet. */
  final List<String> analysisJobs = new CopyOnWriteArrayList<>();

  /** The publish jobs sent and not yet published. */
  final List<String> publishJobs = new CopyOnWriteArrayList<>();

  /** The refresh tokens sign-out asked Cognito to revoke. */
  final List<String> revokedRefreshTokens = new CopyOnWriteArrayList<>();

  private final ECKey signingKey;
  private final OfficerSessions sessions;

  OfficerFixture(DynamoTable table) {
    this(table, UnaryOperator.identity());
  }

  /** As above, the function reaching the table through {@code client} (fault injection). */
  OfficerFixture(DynamoTable table, UnaryOperator<DynamoDbClient> client) {
    services = new Services(client.apply(table.client()), table.name(), Clock.systemUTC());
    List<String> districts = List.of("North", "South", "East", "West", "Central");
    for (var consultation :
        List.of(
            ConsultationTemplates.localOffer(
                COUNCIL, COUNCIL_NAME, LOCAL_OFFER, districts, null, null),
            ConsultationTemplates.ehcStageSurvey(COUNCIL, COUNCIL_NAME, EHC_SURVEY, districts),
            ConsultationTemplates.pageFeedback(COUNCIL, COUNCIL_NAME, PAGE_FEEDBACK))) {
      services.consultations().create(consultation);
    }
    signingKey = newKey("officer-tests");
    TokenVerifier verifier =
        new TokenVerifier(
            new ImmutableJWKSet<>(new JWKSet(signingKey.toPublicJWK())), ISSUER, CLIENT);
    Session session = new Session(true);
    sessions = new OfficerSessions(services.officerSessions(), revokedRefreshTokens::add);
    OfficerAuth auth =
        new OfficerAuth(
            verifier,
            session,
            new CognitoSignIn("https://signin.invalid", CLIENT, null, session, verifier, sessions),
            sessions);
    handler =
        new OfficerHandler(
            services, auth, analysisJobs::add, publishJobs::add, OfficerConfig.from(Map.of()));
    gateway =
        new ApiGateway(
            handler,
            new PublicFormHandler(services, RateLimiter.off()),
            new SubmissionApiHandler(services, RateLimiter.off()));
  }

  /** An officer of these councils, signed in with a token valid for half an hour. */
  OfficerSession officer(String email, String... councils) {
    return new OfficerSession(gateway, token(email, List.of(councils)));
  }

  /** Someone who is not signed in: members of the public, or a page from another site. */
  OfficerSession anonymous() {
    return new OfficerSession(gateway, null);
  }

  /** A token as sign-in leaves it: issued, and its session started. */
  String token(String email, List<String> councils) {
    String token = token(email, councils, Instant.now(), Duration.ofMinutes(30), signingKey);
    sessions.start(token, "subject-" + email, Instant.now().plus(Duration.ofMinutes(30)), null);
    return token;
  }

  /** An ID token as Cognito issues one, signed with {@code key}. */
  static String token(
      String email, List<String> councils, Instant issued, Duration valid, ECKey key) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(CLIENT)
            .subject("subject-" + email)
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(issued.plus(valid)))
            .claim("email", email)
            .claim("cognito:groups", councils.stream().map(c -> "council-" + c).toList())
            .claim("token_use", "id")
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key the function trusts, for tokens that only it can check (expired ones). */
  ECKey signingKey() {
    return signingKey;
  }

  static ECKey newKey(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A parent's answer through the public API; returns the HTTP status. */
  int answer(String consultation, String json) {
    return gateway
        .send(
            "POST",
            "/api/v1/councils/" + COUNCIL + "/consultations/" + consultation + "/responses",
            Map.of(),
            List.of(),
            "application/json",
            json)
        .getStatusCode();
  }

  /** Free-text answers to the Local Offer's first question, each through the public API. */
  void answerLocalOffer(List<String> texts, boolean consentToQuote) {
    for (String text : texts) {
      assertEquals(
          201,
          answer(
              LOCAL_OFFER,
              "{\"answers\":{\"find-information\":\""
                  + text.replace("\"", "\\\"")
                  + "\"},\"consentToQuote\":"
                  + consentToQuote
                  + "}"));
    }
  }

  /**
   * Three rounds of {@link #ANSWERS} through the public API (every other respondent agreeing to be
   * quoted), themed by the real engine after {@code officer} asked for it.
   */
  void answerAndAnalyse(OfficerSession officer) {
    for (int i = 0; i < 3 * ANSWERS.size(); i++) {
      String text = ANSWERS.get(i % ANSWERS.size()) + (i >= ANSWERS.size() ? " (" + i + ")" : "");
      answerLocalOffer(List.of(text), i % 2 == 0);
    }
    OfficerSession.Reply asked =
        officer.postForm(
            "/officer/councils/" + COUNCIL + "/consultations/" + LOCAL_OFFER + "/analysis", "");
    assertEquals(303, asked.status(), asked.body());
    runAnalysis();
  }

  /** The Local Offer's first question's themes as officers see them, corrections applied. */
  List<org.yousaid.shared.themes.EffectiveThemes.Theme> themes() {
    var consultation = services.consultations().find(COUNCIL, LOCAL_OFFER).orElseThrow();
    return services
        .themes()
        .load(
            consultation,
            services.responses().listForConsultation(COUNCIL, LOCAL_OFFER),
            "find-information")
        .get(0)
        .themes()
        .themes();
  }

  /** Hands every queued analysis job to the real worker (the engine), as SQS would. */
  void runAnalysis() {
    AnalysisWorkerHandler worker = new AnalysisWorkerHandler(services);
    for (String job : drain(analysisJobs)) {
      SQSBatchResponse result = worker.handleRequest(PrimingData.sqs(job), null);
      assertEquals(List.of(), result.getBatchItemFailures(), "the worker took " + job);
    }
  }

  /** Hands every queued publish job to the real publisher, writing the site into {@code site}. */
  void runPublisher(Path site) {
    PublishHandler publisher = new PublishHandler(services, new FolderSiteStore(site));
    for (String job : drain(publishJobs)) {
      SQSBatchResponse result = publisher.handleRequest(PrimingData.sqs(job), null);
      assertEquals(List.of(), result.getBatchItemFailures(), "the publisher took " + job);
    }
  }

  private static List<String> drain(List<String> queue) {
    List<String> taken = new ArrayList<>(queue);
    queue.removeAll(taken);
    return taken;
  }
}
