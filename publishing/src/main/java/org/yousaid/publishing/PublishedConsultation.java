package org.yousaid.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public sees of one consultation: the open-data document ({@code you-said-we-did.json})
 * and the model of its page. Built only by {@link PublishedReportBuilder}, so everything in it is
 * already redacted, consented and suppressed; a count that is hidden is null with a {@code note}
 * saying why ("fewer than 5", or "not shown" when it is hidden so that a smaller hidden number
 * cannot be worked out). Every number in it has passed {@link
 * org.yousaid.reports.DisclosureControl}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedConsultation(
    String council,
    String councilName,
    String consultation,
    String title,
    String kind,
    int version,
    Instant publishedAt,
    Integer responses,
    String responsesNote,
    List<PublishedQuestion> questions,
    List<PublishedService> services) {

  /** A consultation with no per-service summaries (every kind but page feedback). */
  public PublishedConsultation(
      String council,
      String councilName,
      String consultation,
      String title,
      String kind,
      int version,
      Instant publishedAt,
      Integer responses,
      String responsesNote,
      List<PublishedQuestion> questions) {
    this(
        council,
        councilName,
        consultation,
        title,
        kind,
        version,
        publishedAt,
        responses,
        responsesNote,
        questions,
        null);
  }

  /**
   * Page feedback about one Open Referral UK service, keyed by the feed's service id: how many said
   * whether the page was useful, and the yes/no split, hidden like any other count. The name is the
   * feed's, redacted like any published text.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishedService(
      String id, String name, Integer answered, String note, List<PublishedCount> options) {}

  /** One question: counts for closed questions, themes for free text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishedQuestion(
      String id,
      String number,
      String text,
      String type,
      Integer answered,
      String answeredNote,
      List<PublishedCount> options,
      List<PublishedBreakdown> breakdowns,
      List<PublishedTheme> themes,
      Sentiment sentiment) {}

  /** A count and its percentage, or null for both and a note ("fewer than 5", "not shown"). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishedCount(String label, Integer count, Integer percent, String note) {}

  /** A closed question's counts split by one respondent profile field. */
  public record PublishedBreakdown(String dimension, List<PublishedGroup> groups) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishedGroup(
      String label, Integer answered, String note, List<PublishedCount> options) {}

  /**
   * One theme of what people said ("You said") and the council's response ("We did").
   *
   * @param exemplar an approved quote that stands for the theme, or null if none was approved
   * @param othersSupport "N other answers support this answer", only with an exemplar
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishedTheme(
      String id,
      String label,
      Integer count,
      Integer percent,
      String note,
      String exemplar,
      Integer othersSupport,
      List<String> quotes,
      Sentiment sentiment,
      WeDid weDid,
      List<PublishedTheme> subThemes) {
    public PublishedTheme {
      // versions published before sub-themes have none
      subThemes = subThemes == null ? List.of() : List.copyOf(subThemes);
    }
  }

  /**
   * How many answers read as positive, neutral and negative, each a count with its percentage (of
   * the theme's answers, or of the three together for a question), hidden like any other count.
   */
  public record Sentiment(
      PublishedCount positive, PublishedCount neutral, PublishedCount negative) {}

  /** The council's response: what it did or will do, how far it has got, and when. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WeDid(String response, String status, LocalDate date) {}
}
