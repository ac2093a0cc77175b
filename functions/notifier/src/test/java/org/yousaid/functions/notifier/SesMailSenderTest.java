package org.yousaid.functions.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES sender through the real AWS SDK, over real HTTP to a server run here that records each
 * request (no AWS account is available): the request is SES v2's SendEmail, signed for SES, from
 * the sender to the one recipient, with the RFC 5322 message as its raw content; a refusal by SES
 * is an exception, so the delivery is retried.
 */
class SesMailSenderTest {

  record Recorded(String method, String path, String authorization, String body) {}

  HttpServer server;
  final List<Recorded> requests = new ArrayList<>();
  volatile int status = 200;
  SesMailSender sender;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          synchronized (requests) {
            requests.add(
                new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(body, StandardCharsets.UTF_8)));
          }
          byte[] answer =
              (status == 200
                      ? "{\"MessageId\":\"0100018c-test\"}"
                      : "{\"message\":\"Email address is not verified.\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (status != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
          }
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    SesV2Client ses =
        SesV2Client.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .region(Region.EU_WEST_2)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    sender =
        new SesMailSender(ses, Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static AlertMail mail() {
    return new AlertMail(
        "no-reply@send.council.example",
        "parent@family.example",
        "Kingston Council: Short breaks information – action started",
        "What we are doing: we checked every price on the short breaks page.\n\nÉté, café: ok\n",
        URI.create("https://consult.example/alerts/kr/lo~01ABC~" + "a".repeat(40)),
        "OUTBOX.short-breaks.0002.01ABC");
  }

  @Test
  void sendsOneSignedSesV2SendEmailWithTheRawMessage() throws Exception {
    sender.send(mail());

    assertEquals(1, requests.size());
    Recorded r = requests.get(0);
    assertEquals("POST", r.method());
    assertEquals("/v2/email/outbound-emails", r.path());
    assertTrue(r.authorization().startsWith("AWS4-HMAC-SHA256 "), r.authorization());
    assertTrue(
        r.authorization().contains("/eu-west-2/ses/aws4_request"),
        "signed for SES in the region: " + r.authorization());
    JsonNode body = Json.mapper().readTree(r.body());
    assertEquals("no-reply@send.council.example", body.get("FromEmailAddress").asText());
    assertEquals(1, body.get("Destination").get("ToAddresses").size());
    assertEquals(
        "parent@family.example", body.get("Destination").get("ToAddresses").get(0).asText());
    assertTrue(body.get("Content").get("Simple") == null, "the raw message, not SES's own");
    byte[] raw = Base64.getDecoder().decode(body.get("Content").get("Raw").get("Data").asText());

    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    assertEquals(
        "Kingston Council: Short breaks information – action started", message.getSubject());
    assertEquals("parent@family.example", message.getAllRecipients()[0].toString());
    assertEquals(
        "<https://consult.example/alerts/kr/lo~01ABC~" + "a".repeat(40) + ">",
        message.getHeader("List-Unsubscribe", null));
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
    assertEquals("<OUTBOX.short-breaks.0002.01ABC@send.council.example>", message.getMessageID());
    assertTrue(String.valueOf(message.getContent()).contains("Été, café: ok"));
    String ascii = new String(raw, StandardCharsets.US_ASCII);
    assertTrue(ascii.chars().allMatch(c -> c < 128), "RFC 5322: the message is 7-bit ASCII");
    assertTrue(ascii.lines().allMatch(l -> l.length() <= 998), "RFC 5322 line length");
  }

  @Test
  void aMailPrintsWithoutItsAddressOrText() {
    String shown = mail().toString();
    assertFalse(shown.contains("parent@family.example"), shown);
    assertFalse(shown.contains("short breaks"), shown);
  }

  @Test
  void aRefusalBySesIsAnErrorSoTheDeliveryIsRetried() {
    status = 400;
    assertThrows(SdkException.class, () -> sender.send(mail()));
    assertEquals(1, requests.size());
  }
}
