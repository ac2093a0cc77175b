package org.yousaid.functions.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.submission.ProblemException;

/** A read-only view of an API Gateway HTTP API (payload 2.0) request. */
public final class Request {

  private final APIGatewayV2HTTPEvent event;

  public Request(APIGatewayV2HTTPEvent event) {
    this.event = event;
  }

  public String routeKey() {
    return event.getRouteKey();
  }

  public String method() {
    return event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getMethod()
        : routeKey().split(" ", 2)[0];
  }

  public String path() {
    return event.getRawPath();
  }

  public String pathParameter(String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null) {
      throw ProblemException.notFound("This page does not exist.");
    }
    return value;
  }

  /** All path parameters of the matched route (empty when it has none). */
  public Map<String, String> pathParameters() {
    return event.getPathParameters() == null ? Map.of() : event.getPathParameters();
  }

  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    // HTTP API lower-cases header names, but a test event or proxy might not.
    return headers.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The media type of the body without parameters, lower case; empty if there is no Content-Type.
   */
  public String mediaType() {
    return header("content-type")
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }

  public Optional<String> query(String name) {
    Map<String, String> query = event.getQueryStringParameters();
    return Optional.ofNullable(query == null ? null : query.get(name));
  }

  /** All query parameters (empty when there are none). */
  public Map<String, String> queryParameters() {
    return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
  }

  public List<String> cookies() {
    return event.getCookies() == null ? List.of() : event.getCookies();
  }

  public String sourceIp() {
    return event.getRequestContext() != null && event.getRequestContext().getHttp() != null
        ? event.getRequestContext().getHttp().getSourceIp()
        : "";
  }

  /**
   * The host API Gateway received the request on (from the request context, not from a header a
   * client sets).
   */
  public String domainName() {
    return event.getRequestContext() != null && event.getRequestContext().getDomainName() != null
        ? event.getRequestContext().getDomainName()
        : "";
  }

  public String requestId() {
    return event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
        ? event.getRequestContext().getRequestId()
        : "";
  }

  /** The body's bytes (decoding base64 when API Gateway encoded it). */
  public byte[] bodyBytes() {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    if (event.getIsBase64Encoded()) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("The request body could not be read.");
      }
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The body as UTF-8 text, refusing bodies over {@code maxBytes} (413) and bytes that are not
   * valid UTF-8 (400), so nothing malformed reaches storage.
   */
  public String bodyText(int maxBytes) {
    byte[] bytes = bodyBytes();
    if (bytes.length > maxBytes) {
      throw ProblemException.tooLarge(
          "Your answers are too long to send in one go. The most we accept is "
              + (maxBytes / 1024)
              + " KB. Please shorten your answers and try again.");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ProblemException.badRequest("The request body is not valid UTF-8 text.");
    }
  }
}
