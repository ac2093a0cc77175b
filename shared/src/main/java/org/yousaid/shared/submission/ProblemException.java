package org.yousaid.shared.submission;

import java.util.List;
import org.yousaid.shared.validation.FieldError;

/**
 * A request the service refuses, with the HTTP status that fits and a message a person understands.
 * Thrown by the plain-Java logic; handlers turn it into a problem+json body or an HTML page.
 */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final transient List<FieldError> errors;

  public ProblemException(int status, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, "There is a problem with your answers", detail, List.of());
  }

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).message()
            : "There are " + errors.size() + " problems with the answers.";
    return new ProblemException(400, "There is a problem with your answers", detail, errors);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Page not found", detail, List.of());
  }

  public static ProblemException conflict(String title, String detail) {
    return new ProblemException(409, title, detail, List.of());
  }

  public static ProblemException tooLarge(String detail) {
    return new ProblemException(413, "Your answers are too long to send", detail, List.of());
  }

  public static ProblemException unsupportedMediaType(String detail) {
    return new ProblemException(415, "Unsupported content type", detail, List.of());
  }

  public static ProblemException serviceBusy(String detail) {
    return new ProblemException(
        503, "Sorry, there is a problem with the service", detail, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
