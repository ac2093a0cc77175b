package org.yousaid.shared.register;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.ConsultationKind;
import org.yousaid.shared.model.Question;
import org.yousaid.shared.model.QuestionType;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.ResponseRepository;
import org.yousaid.shared.storage.Table;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.shared.storage.TableQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A council's reg. 56 comments register: its entries (one per comment about the Local Offer) and
 * its themes (the council's response, action and status). Entries are copied from the responses of
 * the council's Local Offer consultations and page feedback ({@link #addNewComments}, which reads
 * only the responses stored since it last ran); EHC stage surveys are about a family's own
 * assessment, not the Local Offer, and stay out.
 */
public final class RegisterRepository {

  private static final String TYPE_ENTRY = "REGISTER_ENTRY";
  private static final String TYPE_THEME = "REGISTER_THEME";
  private static final String TYPE_SWEPT = "REGISTER_SWEPT";

  private final Table table;
  private final ConsultationRepository consultations;
  private final ResponseRepository responses;

  public RegisterRepository(Table table) {
    this.table = table;
    this.consultations = new ConsultationRepository(table);
    this.responses = new ResponseRepository(table);
  }

  /**
   * How far before the previous sweep's start the next one reads again: far longer than a
   * submission's transaction (with its retries) takes to land after its ULID is made, and than the
   * clocks of two functions differ.
   */
  public static final Duration OVERLAP = Duration.ofMinutes(10);

  /**
   * Adds the comments of responses stored since the last sweep: each free-text answer of the
   * council's Local Offer consultations and page feedback, imported ones included. Response ids are
   * ULIDs, which sort by when they were made, so only the responses from {@link #OVERLAP} before
   * the last sweep began are read (the first sweep reads them all); the register's view stays cheap
   * however many answers a council holds. Each response's entries are written in one transaction
   * that checks the response still exists, so an answer erased meanwhile never comes back as an
   * entry, and an entry already there (an excluded one, say) is never written again. Safe to run
   * again, and at the same time; returns how many entries it added.
   */
  public int addNewComments(String council) {
    // The system clock, not the storage's: response ids are ULIDs made from the system clock.
    Instant started = Instant.now();
    Optional<Instant> since =
        table
            .get(TableLayout.registerPk(council), TableLayout.REGISTER_SWEPT)
            .map(item -> Instant.parse(item.get("from").s()));
    int added = sweep(council, since.orElse(null));
    Map<String, AttributeValue> mark =
        new java.util.HashMap<>(
            TableLayout.key(TableLayout.registerPk(council), TableLayout.REGISTER_SWEPT));
    mark.put(TableLayout.TYPE, AttributeValue.fromS(TYPE_SWEPT));
    mark.put("from", AttributeValue.fromS(started.minus(OVERLAP).toString()));
    table.put(mark);
    return added;
  }

  /**
   * Reads every response of the council again, whenever it was stored: for answers written with ids
   * of the past (local mode's made-up demo answers). Returns how many entries it added.
   */
  public int addAllComments(String council) {
    return sweep(council, null);
  }

  /** Adds the comments of responses from {@code since} on (all of them if null). */
  private int sweep(String council, Instant since) {
    Set<String> known = since == null ? knownEntries(council) : null;
    String fromId = since == null ? null : new Ulid(since.toEpochMilli(), new byte[10]).toString();
    int added = 0;
    for (Consultation c : consultations.listForCouncil(council)) {
      if (c.kind() == ConsultationKind.STAGE_SURVEY) {
        continue;
      }
      Set<String> freeText = new HashSet<>();
      for (Question q : c.questions()) {
        if (q.type() == QuestionType.FREE_TEXT) {
          freeText.add(q.id());
        }
      }
      if (freeText.isEmpty()) {
        continue;
      }
      List<Response> fresh =
          fromId == null
              ? responses.listForConsultation(council, c.id())
              : responses.listForConsultationFrom(council, c.id(), fromId);
      for (Response r : fresh) {
        List<RegisterEntry> entries = new ArrayList<>();
        for (Answer a : r.answers()) {
          if (freeText.contains(a.questionId()) && a.text() != null && !a.text().isBlank()) {
            entries.add(entryOf(c, r, a));
          }
        }
        if (entries.isEmpty() || isKnown(known, entries.get(0))) {
          continue;
        }
        if (addAll(r, entries)) {
          added += entries.size();
        }
      }
    }
    return added;
  }

  /** The sort keys of every entry: one query, for a sweep that reads every response. */
  private Set<String> knownEntries(String council) {
    Set<String> known = new HashSet<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(TableLayout.registerPk(council))
                .startingWith(TableLayout.REGISTER_ENTRY_PREFIX)
                .reading(TableLayout.SK))) {
      known.add(item.get(TableLayout.SK).s());
    }
    return known;
  }

  /**
   * Whether a response's entries are in the register: a response's entries are written all at once,
   * so its first tells. Without the full list (a short sweep), one read of that entry.
   */
  private boolean isKnown(Set<String> known, RegisterEntry first) {
    String sk =
        TableLayout.registerEntrySk(first.consultationId(), first.questionId(), first.responseId());
    if (known != null) {
      return known.contains(sk);
    }
    return table.get(TableLayout.registerPk(first.council()), sk).isPresent();
  }

  private static RegisterEntry entryOf(Consultation c, Response r, Answer a) {
    RegisterEntry.Source source =
        c.kind() == ConsultationKind.PAGE_FEEDBACK
            ? RegisterEntry.Source.PAGE_FEEDBACK
            : r.channel() == Channel.IMPORT
                ? RegisterEntry.Source.IMPORTED
                : RegisterEntry.Source.CONSULTATION;
    String about =
        source == RegisterEntry.Source.PAGE_FEEDBACK && r.subject() != null
            ? r.subject()
            : c.title();
    return new RegisterEntry(
        r.council(),
        c.id(),
        a.questionId(),
        r.id(),
        r.submittedAt(),
        source,
        about,
        a.text().strip(),
        r.consentToQuote(),
        r.expiresAt(),
        null,
        null,
        false,
        null);
  }

  /**
   * The transaction step that makes a write about a response happen only while the response exists
   * (an erasure deletes it): nothing copied from an erased answer, or given with it, comes back.
   */
  static TransactWriteItem whileResponseExists(Table table, Response r) {
    return TransactWriteItem.builder()
        .conditionCheck(
            ConditionCheck.builder()
                .tableName(table.name())
                .key(
                    TableLayout.key(
                        TableLayout.consultationPk(r.council(), r.consultationId()),
                        TableLayout.responseSk(r.id())))
                .conditionExpression("attribute_exists(" + TableLayout.PK + ")")
                .build())
        .build();
  }

  /** One response's new entries, all or none, only while the response exists. */
  private boolean addAll(Response r, List<RegisterEntry> fresh) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(whileResponseExists(table, r));
    for (RegisterEntry e : fresh) {
      writes.add(
          TransactWriteItem.builder()
              .put(
                  Put.builder()
                      .tableName(table.name())
                      .item(item(e))
                      .conditionExpression(Table.NOT_EXISTS)
                      .build())
              .build());
    }
    try {
      table.transactWrite(writes);
      return true;
    } catch (TransactionCanceledException erasedOrAlreadyThere) {
      // The response was erased since it was read, or another run added its entries first.
      return false;
    }
  }

  /** Every entry of the council's register, oldest consultation first. */
  public List<RegisterEntry> entries(String council) {
    return table.documents(
        TableQuery.partition(TableLayout.registerPk(council))
            .startingWith(TableLayout.REGISTER_ENTRY_PREFIX),
        RegisterEntry.class);
  }

  /** The entry with this id ({@link RegisterEntry#id()}), if it exists. */
  public Optional<RegisterEntry> entry(String council, String id) {
    String[] parts = RegisterEntry.parts(id);
    if (parts == null) {
      return Optional.empty();
    }
    return table.document(
        TableLayout.registerPk(council),
        TableLayout.registerEntrySk(parts[0], parts[1], parts[2]),
        RegisterEntry.class);
  }

  /**
   * Saves an officer's change to an entry; false if the entry is gone (its response was erased),
   * which a late save must not bring back.
   */
  public boolean save(RegisterEntry entry) {
    return table.putExisting(item(entry));
  }

  public List<RegisterTheme> themes(String council) {
    return table.documents(
        TableQuery.partition(TableLayout.registerPk(council))
            .startingWith(TableLayout.REGISTER_THEME_PREFIX),
        RegisterTheme.class);
  }

  public Optional<RegisterTheme> theme(String council, String themeId) {
    return table.document(
        TableLayout.registerPk(council), TableLayout.registerThemeSk(themeId), RegisterTheme.class);
  }

  /** Creates or replaces a theme. */
  public void saveTheme(String council, RegisterTheme theme) {
    table.put(
        Table.documentItem(
            TableLayout.registerPk(council),
            TableLayout.registerThemeSk(theme.id()),
            TYPE_THEME,
            theme));
  }

  /**
   * Saves an officer's change to a theme. When it moves the action to a new status (its history
   * grew), the theme and an outbox item for that change go in one transaction, so the respondents
   * who asked are told exactly once ({@link ActionAlerts}); false if that change was saved already
   * (a second save of the same status, e.g. from another tab), in which case nothing is written.
   */
  public boolean saveTheme(
      String council, RegisterTheme before, RegisterTheme after, java.time.Instant now) {
    if (after.history().size() <= before.history().size() || after.status() == null) {
      saveTheme(council, after);
      return true;
    }
    int change = after.history().size();
    List<TransactWriteItem> writes =
        List.of(
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(table.name())
                        .item(
                            Table.documentItem(
                                TableLayout.registerPk(council),
                                TableLayout.registerThemeSk(after.id()),
                                TYPE_THEME,
                                after))
                        .build())
                .build(),
            new ActionAlerts(table)
                .outboxWrite(
                    council, after.id(), change, after.status(), after.statusSince(), now));
    try {
      table
          .retry()
          .writeOnce(
              () -> table.transactWriteOnce(writes, java.util.UUID.randomUUID().toString()),
              e -> e instanceof TransactionCanceledException t && ActionAlerts.conditionFailed(t),
              // This save's own transaction landed (its answer was lost) if the theme is exactly
              // this one: then the change's outbox item is there once, whoever wrote it.
              () -> theme(council, after.id()).map(after::equals).orElse(false));
      return true;
    } catch (TransactionCanceledException sameChangeSavedBefore) {
      return false;
    }
  }

  /** An erased comment the published report has yet to catch up with: when it was sent only. */
  public record ErasedComment(String key, java.time.Instant submittedAt) {}

  /** Erased comments the published report has yet to catch up with, earliest sent first. */
  public List<ErasedComment> pendingErasures(String council) {
    List<ErasedComment> out = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.query(
            TableQuery.partition(TableLayout.registerPk(council))
                .startingWith(TableLayout.REGISTER_ERASURE_PREFIX))) {
      out.add(
          new ErasedComment(
              item.get(TableLayout.SK).s(), java.time.Instant.parse(item.get("submittedAt").s())));
    }
    out.sort(java.util.Comparator.comparing(ErasedComment::submittedAt));
    return out;
  }

  /**
   * Forgets these erasures, which the published report has caught up with; only these (one that
   * arrived during a publication stays pending for the next).
   */
  public void erasuresPublished(String council, List<ErasedComment> caughtUp) {
    for (ErasedComment e : caughtUp) {
      table.delete(TableLayout.registerPk(council), e.key());
    }
  }

  private static Map<String, AttributeValue> item(RegisterEntry e) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.registerPk(e.council()),
            TableLayout.registerEntrySk(e.consultationId(), e.questionId(), e.responseId()),
            TYPE_ENTRY,
            e);
    // Expires with the response it copies (retention).
    if (e.expiresAt() > 0) {
      item.put(TableLayout.TTL, AttributeValue.fromN(Long.toString(e.expiresAt())));
    }
    return item;
  }
}
