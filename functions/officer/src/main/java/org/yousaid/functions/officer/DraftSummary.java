package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.publishing.PublishedConsultation;
import org.yousaid.publishing.PublishedConsultation.PublishedCount;
import org.yousaid.publishing.PublishedConsultation.PublishedGroup;
import org.yousaid.publishing.PublishedConsultation.PublishedQuestion;
import org.yousaid.publishing.PublishedConsultation.PublishedTheme;
import org.yousaid.publishing.Publisher;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationStatus;
import org.yousaid.shared.publishing.Review;

/**
 * What the next "You said, we did" version would say, read the way the approver and reviewers sign
 * it off: every theme with its count, quotes and "we did" response, the totals, and the warnings
 * worth a second look. Built from the publisher's own draft, so it is exactly what would go out
 * (already redacted, consented and suppressed).
 *
 * @param fingerprint what a sign-off or co-signature refers to ({@link Publisher#fingerprint})
 */
record DraftSummary(
    PublishedConsultation draft,
    String fingerprint,
    List<ThemeRow> themes,
    int quotes,
    int weDid,
    List<String> warnings) {

  /** One theme as it would be published. */
  record ThemeRow(
      String question,
      String label,
      String count,
      List<String> quotes,
      PublishedConsultation.WeDid weDid) {}

  /** A comment or co-signature, and whether it was given on the draft as it is now. */
  record ReviewRow(Review review, boolean current) {}

  static DraftSummary of(Publisher publisher, Consultation consultation) {
    PublishedConsultation draft = publisher.draft(consultation);
    List<ThemeRow> rows = new ArrayList<>();
    List<String> withoutWeDid = new ArrayList<>();
    List<String> withoutQuote = new ArrayList<>();
    int quotes = 0;
    int weDid = 0;
    int hidden = 0;
    for (PublishedQuestion q : draft.questions()) {
      hidden += hidden(q);
      if (q.themes() == null) {
        continue;
      }
      for (PublishedTheme t : q.themes()) {
        List<String> themeQuotes = new ArrayList<>();
        if (t.exemplar() != null) {
          themeQuotes.add(t.exemplar());
        }
        if (t.quotes() != null) {
          themeQuotes.addAll(t.quotes());
        }
        quotes += themeQuotes.size();
        if (themeQuotes.isEmpty()) {
          withoutQuote.add(t.label());
        }
        if (t.weDid() == null) {
          withoutWeDid.add(t.label());
        } else {
          weDid++;
        }
        if (t.count() == null) {
          hidden++;
        }
        rows.add(
            new ThemeRow(
                q.text(),
                t.label(),
                t.count() == null ? t.note() : String.valueOf(t.count()),
                themeQuotes,
                t.weDid()));
      }
    }
    List<String> warnings = new ArrayList<>();
    if (rows.isEmpty()) {
      warnings.add("No themes will be published: find themes on the themes page first.");
    }
    if (!withoutWeDid.isEmpty()) {
      warnings.add(
          count(withoutWeDid.size(), "theme has", "themes have")
              + " no “we did” response yet: "
              + String.join("; ", withoutWeDid)
              + ".");
    }
    if (!withoutQuote.isEmpty()) {
      warnings.add(
          count(withoutQuote.size(), "theme has", "themes have")
              + " no approved quote and will show a count only: "
              + String.join("; ", withoutQuote)
              + ".");
    }
    if (hidden > 0) {
      warnings.add(
          count(hidden, "number is", "numbers are")
              + " hidden: counts smaller than 5 show as “fewer than 5”, and counts that would let"
              + " one be worked out are not shown.");
    }
    if (consultation.status() == ConsultationStatus.OPEN) {
      warnings.add(
          "The consultation is still open: answers that arrive after publishing are not in this"
              + " version.");
    }
    return new DraftSummary(
        draft, publisher.fingerprint(draft), rows, quotes, weDid, List.copyOf(warnings));
  }

  List<ReviewRow> reviews(List<Review> all) {
    return all.stream()
        .map(r -> new ReviewRow(r, fingerprint.equals(r.draftFingerprint())))
        .toList();
  }

  /** Counts of a closed question the draft hides (null with a note). */
  private static int hidden(PublishedQuestion q) {
    int hidden = 0;
    if (q.options() != null) {
      hidden += (int) q.options().stream().filter(o -> o.count() == null).count();
    }
    if (q.breakdowns() != null) {
      for (var b : q.breakdowns()) {
        for (PublishedGroup g : b.groups()) {
          if (g.answered() == null) {
            hidden++;
          }
          if (g.options() != null) {
            for (PublishedCount o : g.options()) {
              if (o.count() == null) {
                hidden++;
              }
            }
          }
        }
      }
    }
    return hidden;
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
