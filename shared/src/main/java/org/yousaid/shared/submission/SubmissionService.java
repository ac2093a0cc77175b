package org.yousaid.shared.submission;

import com.github.f4b6a3.ulid.UlidCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yousaid.shared.ids.ReceiptCodes;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.ResponseRepository.IdempotencyRecord;
import org.yousaid.shared.storage.ResponseRepository.InsertRefused;
import org.yousaid.shared.storage.StorageRetry;
import org.yousaid.shared.storage.StorageRetry.StorageUnavailable;
import org.yousaid.shared.validation.RawSubmission;
import org.yousaid.shared.validation.SubmissionValidator;
import org.yousaid.shared.validation.ValidSubmission;

/**
 * Takes one person's answers from any channel to storage: find the consultation, replay a retried
 * request, check it is open, validate, and store exactly once.
 */
public final class SubmissionService {

  /**
   * What the respondent gets back. {@code replayed} is true when this repeats an earlier identical
   * request.
   */
  public record Receipt(String responseId, String receipt, boolean replayed) {}

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,99}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
  private static final DateTimeFormatter CLOSED_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));
  private static final int RECEIPT_ATTEMPTS = 3;

  private final ConsultationRepository consultations;
  private final ResponseRepository responses;
  private final SubmissionValidator validator = new SubmissionValidator();
  private final Clock clock;

  public SubmissionService(
      ConsultationRepository consultations, ResponseRepository responses, Clock clock) {
    this.consultations = consultations;
    this.responses = responses;
    this.clock = clock;
  }

  /** The consultation as the public may see it, or a 404 problem. */
  public Consultation publicConsultation(String council, String consultationId) {
    // Anything that cannot be a slug is not looked up at all: DynamoDB refuses over-long or odd
    // keys
    // with a server error, and an address typed wrong deserves a plain 404.
    if (!isSlug(council) || !isSlug(consultationId)) {
      throw ProblemException.notFound(
          "There is no consultation at this address. Check the link you were sent.");
    }
    return consultations
        .find(council, consultationId)
        .filter(Consultation::isVisibleToPublic)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "There is no consultation at this address. Check the link you were sent."));
  }

  public Receipt submit(
      String council,
      String consultationId,
      RawSubmission raw,
      String idempotencyKey,
      Channel channel) {
    return submit(council, consultationId, raw, idempotencyKey, channel, null);
  }

  /**
   * As {@link #submit(String, String, RawSubmission, String, Channel)}, for feedback about one page
   * or service.
   */
  public Receipt submit(
      String council,
      String consultationId,
      RawSubmission raw,
      String idempotencyKey,
      Channel channel,
      String subject) {
    try {
      return store(
          publicConsultation(council, consultationId), raw, idempotencyKey, channel, subject, null);
    } catch (StorageUnavailable unavailable) {
      throw notSaved();
    }
  }

  /**
   * Storage stayed unreachable after every retry. The transaction is all or nothing, so nothing of
   * this request was stored; a retry with the same idempotency key stores it exactly once.
   */
  public static ProblemException notSaved() {
    return new ProblemException(
        503,
        "Sorry, we could not save your answers",
        "Sorry, we could not save your answers. Please try again in a moment: nothing was saved.",
        null);
  }

  /**
   * Stores an answer an officer brings in from another channel (paper, meeting, email, another
   * survey tool): validated like any other, accepted whatever the consultation's status (paper
   * forms arrive late), with the date it was originally given when known.
   */
  public Receipt record(
      Consultation consultation,
      RawSubmission raw,
      String idempotencyKey,
      Channel channel,
      Instant givenAt) {
    try {
      return store(
          consultation,
          raw,
          idempotencyKey,
          channel,
          null,
          givenAt == null ? clock.instant() : givenAt);
    } catch (StorageUnavailable unavailable) {
      throw notSaved();
    }
  }

  private Receipt store(
      Consultation consultation,
      RawSubmission raw,
      String idempotencyKey,
      Channel channel,
      String subject,
      Instant givenAt) {
    String council = consultation.council();
    String consultationId = consultation.id();
    Optional<String> key = checkedKey(idempotencyKey);
    String requestHash = hash(raw, channel, subject);
    if (key.isPresent()) {
      Optional<Receipt> earlier = replay(consultation, key.get(), requestHash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Instant now = givenAt != null ? givenAt : clock.instant();
    if (givenAt == null && !consultation.isAcceptingAnswersAt(now)) {
      throw closed(consultation, now);
    }
    SubmissionValidator.Result result = validator.validate(consultation, raw);
    if (!result.isValid()) {
      throw ProblemException.invalid(result.errors());
    }
    ValidSubmission valid = result.submission().orElseThrow();
    // Retention runs from when we received it, not from when it was first given (an old paper
    // form).
    long expiresAt =
        clock.instant().plus(Duration.ofDays(consultation.retentionDays())).getEpochSecond();
    String responseId = UlidCreator.getMonotonicUlid().toString();
    for (int attempt = 1; ; attempt++) {
      String receipt = ReceiptCodes.newCode();
      Response response =
          new Response(
              responseId,
              council,
              consultationId,
              now,
              channel,
              valid.answers(),
              valid.profile(),
              valid.consentToQuote(),
              receipt,
              expiresAt,
              subject);
      try {
        responses.insert(
            response, key.map(k -> new IdempotencyRecord(k, requestHash, responseId, receipt)));
        return new Receipt(responseId, receipt, false);
      } catch (InsertRefused refused) {
        switch (refused.clash()) {
          case IDEMPOTENCY_KEY_USED -> {
            // A concurrent retry with the same key won the race: answer with what it stored.
            return replay(consultation, key.orElseThrow(), requestHash).orElseThrow(() -> refused);
          }
          case RECEIPT_CODE_TAKEN -> {
            if (attempt >= RECEIPT_ATTEMPTS) {
              throw ProblemException.serviceBusy(
                  "We could not save your answers. Please try again.");
            }
          }
          default ->
              throw ProblemException.serviceBusy(
                  "We could not save your answers. Please try again.");
        }
      } catch (ResponseRepository.TransactionConflict conflict) {
        if (attempt >= RECEIPT_ATTEMPTS) {
          throw notSaved();
        }
        // Two requests with the same key at the same moment: let the other finish, then replay it.
        StorageRetry.DEFAULT.pause(attempt);
        if (key.isPresent()) {
          Optional<Receipt> earlier = replay(consultation, key.get(), requestHash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
        }
      }
    }
  }

  private Optional<Receipt> replay(Consultation consultation, String key, String requestHash) {
    return responses
        .findIdempotency(consultation.council(), consultation.id(), key)
        .map(
            earlier -> {
              if (!earlier.requestHash().equals(requestHash)) {
                throw ProblemException.conflict(
                    "These answers were already sent with a different request",
                    "The Idempotency-Key was already used for different answers. Use a new key for a new response.");
              }
              return new Receipt(earlier.responseId(), earlier.receipt(), true);
            });
  }

  private static ProblemException closed(Consultation consultation, Instant now) {
    if (consultation.opensAt() != null && now.isBefore(consultation.opensAt())) {
      return ProblemException.conflict(
          "This consultation is not open yet",
          "This consultation opens on "
              + CLOSED_DATE.format(consultation.opensAt())
              + ". Please come back then.");
    }
    String when =
        consultation.closesAt() != null && !now.isBefore(consultation.closesAt())
            ? " on " + CLOSED_DATE.format(consultation.closesAt())
            : "";
    return ProblemException.conflict(
        "This consultation has closed",
        "This consultation closed"
            + when
            + " and no longer takes answers. Thank you for your interest.");
  }

  private static boolean isSlug(String value) {
    return value != null && SLUG.matcher(value).matches();
  }

  private static Optional<String> checkedKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(
          "The Idempotency-Key header must be 8 to 128 letters, digits, dots, dashes, colons or underscores, such as a UUID.");
    }
    return Optional.of(key);
  }

  private static String hash(RawSubmission raw, Channel channel, String subject) {
    try {
      // Map.copyOf order is unspecified, so hash a sorted rendering.
      String canonical =
          Json.write(new java.util.TreeMap<>(raw.answers()))
              + "|"
              + Json.write(new java.util.TreeMap<>(raw.profile()))
              + "|"
              + raw.consentToQuote()
              + "|"
              + channel.code()
              + "|"
              + subject;
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
