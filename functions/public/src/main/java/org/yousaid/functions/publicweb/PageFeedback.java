package org.yousaid.functions.publicweb;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.submission.SubmissionService;
import org.yousaid.shared.validation.FieldError;
import org.yousaid.shared.validation.RawSubmission;

/**
 * "Was this page useful?" feedback about one Local Offer page (by URL) or one service (by its Open
 * Referral UK id). Stored as a response to the council's page-feedback consultation.
 */
public final class PageFeedback {

  public static final String CONSULTATION_ID = "page-feedback";
  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,99}");

  /** Feedback as it arrived from JSON or a form. */
  public record Input(String pageUrl, String serviceId, String useful, String comment) {}

  private final SubmissionService submissions;

  public PageFeedback(SubmissionService submissions) {
    this.submissions = submissions;
  }

  public SubmissionService.Receipt submit(String council, Input input, String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>();
    String subject = subject(input, errors);
    Map<String, List<String>> answers = new LinkedHashMap<>();
    if (input.useful() != null) {
      answers.put(
          "useful",
          List.of(
              switch (input.useful().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes" -> "yes";
                case "false", "no" -> "no";
                default -> input.useful();
              }));
    }
    if (input.comment() != null) {
      answers.put("comment", List.of(input.comment()));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    try {
      submissions.publicConsultation(council, CONSULTATION_ID);
    } catch (ProblemException notFound) {
      throw ProblemException.notFound("This council does not collect page feedback here.");
    }
    return submissions.submit(
        council,
        CONSULTATION_ID,
        new RawSubmission(answers, Map.of(), null, List.of()),
        idempotencyKey,
        Channel.WEB,
        subject);
  }

  private static String subject(Input input, List<FieldError> errors) {
    boolean hasUrl = input.pageUrl() != null && !input.pageUrl().isBlank();
    boolean hasService = input.serviceId() != null && !input.serviceId().isBlank();
    if (hasUrl == hasService) {
      errors.add(
          new FieldError(
              "pageUrl",
              "Say which page or service this feedback is about: give a pageUrl or a serviceId, not both."));
      return null;
    }
    if (hasService) {
      String id = input.serviceId().trim();
      if (!SERVICE_ID.matcher(id).matches()) {
        errors.add(
            new FieldError(
                "serviceId",
                "The serviceId must be an Open Referral UK service id: letters, digits and dashes, up to 100 characters."));
        return null;
      }
      return "service:" + id;
    }
    String url = input.pageUrl().trim();
    try {
      URI uri = new URI(url);
      if (url.length() > 2000
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new URISyntaxException(url, "not a web address");
      }
      // Drop the query and fragment: they can carry personal data (search terms, tokens).
      return new URI(
              uri.getScheme().toLowerCase(java.util.Locale.ROOT),
              uri.getHost().toLowerCase(java.util.Locale.ROOT),
              uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(),
              null)
          .toString();
    } catch (URISyntaxException e) {
      errors.add(
          new FieldError(
              "pageUrl",
              "The pageUrl must be the full web address of the page, starting with https://"));
      return null;
    }
  }
}
