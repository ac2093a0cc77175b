package org.yousaid.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yousaid.reports.PlainReport;
import org.yousaid.reports.ReportFormat;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.web.Pages;

/**
 * The annual Local Offer feedback report's files: the page (GOV.UK Frontend markup, no scripts),
 * JSON and CSV (safe for spreadsheets), and the same report as a {@link PlainReport} that the
 * officers' function writes as Word and tagged PDF (the publisher carries no Office or PDF
 * library). Each says the same thing.
 */
public final class RegisterRenderer {

  public static final String JSON_FILE = "local-offer-feedback.json";
  public static final String CSV_FILE = "local-offer-feedback.csv";

  /** Every file of a version, the page first. */
  public static final List<String> FILES = List.of("index.html", JSON_FILE, CSV_FILE);

  public byte[] json(PublishedRegisterReport r) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(r);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PublishedRegisterReport readJson(byte[] json) {
    return Json.read(new String(json, StandardCharsets.UTF_8), PublishedRegisterReport.class);
  }

  /** One row per theme, then one per action still in progress whose theme had no comment. */
  public byte[] csv(PublishedRegisterReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter csv =
        new CSVPrinter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "area",
                    "you_said",
                    "comments",
                    "note",
                    "quotes",
                    "our_response",
                    "we_did",
                    "status",
                    "status_since",
                    "status_history")
                .get())) {
      List<String> listed = new ArrayList<>();
      for (PublishedRegisterReport.Area a : r.areas()) {
        for (PublishedRegisterReport.Theme t : a.themes()) {
          listed.add(t.id());
          PublishedRegisterReport.Action action = t.action();
          row(
              csv,
              a.label(),
              t.label(),
              t.comments(),
              t.commentsNote(),
              String.join(" | ", t.quotes()),
              t.response(),
              action == null ? null : action.action(),
              action == null ? null : action.status(),
              action == null ? null : action.since(),
              action == null ? null : history(action));
        }
      }
      List<PublishedRegisterReport.Action> rest = new ArrayList<>(r.weDid());
      rest.addAll(r.inProgress());
      for (PublishedRegisterReport.Action action : rest) {
        if (!listed.contains(action.themeId())) {
          row(
              csv,
              action.area(),
              action.theme(),
              null,
              "no comments in this period",
              null,
              null,
              action.action(),
              action.status(),
              action.since(),
              history(action));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** "Planned on 5 January 2026; Done on 3 March 2026". */
  static String history(PublishedRegisterReport.Action a) {
    List<String> parts = new ArrayList<>();
    for (PublishedRegisterReport.Change c : a.history()) {
      parts.add(c.status() + " on " + date(c.on()));
    }
    return String.join("; ", parts);
  }

  private static String date(LocalDate d) {
    return d == null ? "" : ReportFormat.date(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
  }

  private static void row(CSVPrinter csv, Object... cells) throws IOException {
    List<String> safe = new ArrayList<>();
    for (Object cell : cells) {
      safe.add(ReportFormat.safeCell(cell == null ? "" : cell.toString()));
    }
    csv.printRecord(safe);
  }

  /** "42 comments", "fewer than 5 comments", "Number of comments not shown". */
  static String comments(Integer count, String note) {
    if (count != null) {
      return count + (count == 1 ? " comment" : " comments");
    }
    return ReportFormat.WITHHELD_LABEL.equals(note)
        ? "Number of comments not shown"
        : note + " comments";
  }

  /** The report's page; {@code root} is the relative path to the site root. */
  public String page(
      PublishedRegisterReport r,
      List<Publication> history,
      String root,
      String councilHome,
      String versionsBase,
      boolean preview) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", r.title());
    model.put("councilName", r.councilName());
    model.put("r", r);
    model.put("root", root);
    model.put("preview", preview);
    model.put("councilHome", councilHome);
    model.put("versionsBase", versionsBase);
    model.put("publishedOn", ReportFormat.date(r.publishedAt()));
    model.put("from", date(r.from()));
    model.put("to", date(r.to()));
    model.put("total", comments(r.comments(), r.commentsNote()));
    Map<String, String> counts = new HashMap<>();
    Map<String, String> histories = new HashMap<>();
    for (PublishedRegisterReport.Area a : r.areas()) {
      for (PublishedRegisterReport.Theme t : a.themes()) {
        counts.put(t.id(), comments(t.comments(), t.commentsNote()));
      }
    }
    List<PublishedRegisterReport.Action> all = new ArrayList<>(r.weDid());
    all.addAll(r.inProgress());
    all.forEach(a -> histories.put(a.themeId(), history(a)));
    model.put("counts", counts);
    model.put("histories", histories);
    List<Integer> withdrawn =
        history.isEmpty()
            ? List.of()
            : history.stream()
                .max(Comparator.comparingInt(Publication::version))
                .orElseThrow()
                .withdrawn();
    model.put(
        "history",
        history.stream()
            .sorted(Comparator.comparingInt(Publication::version).reversed())
            .map(
                p ->
                    new SiteRenderer.HistoryRow(
                        p.version(),
                        ReportFormat.date(p.publishedAt()),
                        p.contentHash(),
                        withdrawn.contains(p.version()),
                        p.reason()))
            .toList());
    return Pages.render("published/register", model);
  }

  /** The same report as headings, paragraphs and quotes, for Word and PDF. */
  public PlainReport document(PublishedRegisterReport r) {
    List<PlainReport.Section> sections = new ArrayList<>();
    for (PublishedRegisterReport.Area a : r.areas()) {
      List<PlainReport.Block> blocks = new ArrayList<>();
      if (a.themes().isEmpty()) {
        blocks.add(PlainReport.Block.paragraph("No comments about this in this period."));
      }
      for (PublishedRegisterReport.Theme t : a.themes()) {
        blocks.add(
            PlainReport.Block.heading(
                "You said: " + t.label() + " (" + comments(t.comments(), t.commentsNote()) + ")"));
        t.quotes().forEach(q -> blocks.add(PlainReport.Block.quote(q)));
        if (t.response() != null) {
          blocks.add(PlainReport.Block.paragraph("Our response: " + t.response()));
        }
        if (t.action() != null) {
          blocks.add(
              PlainReport.Block.paragraph(
                  "We did: " + t.action().action() + " (" + t.action().status() + ")"));
        }
      }
      sections.add(new PlainReport.Section(a.label(), blocks));
    }
    sections.add(actions("What we did", r.weDid(), "Nothing is finished yet."));
    sections.add(actions("What is still in progress", r.inProgress(), "Nothing is in progress."));
    return new PlainReport(
        r.title(),
        r.councilName(),
        List.of(
            r.councilName(),
            "Comments received from "
                + date(r.from())
                + " to "
                + date(r.to())
                + ": "
                + comments(r.comments(), r.commentsNote())
                + ".",
            "Published " + ReportFormat.date(r.publishedAt()) + " (version " + r.version() + ").",
            "Quotes are shown only where the person agreed, with names and contact details"
                + " removed. Numbers smaller than 5 are not shown."),
        sections);
  }

  private static PlainReport.Section actions(
      String heading, List<PublishedRegisterReport.Action> actions, String none) {
    List<PlainReport.Block> blocks = new ArrayList<>();
    if (actions.isEmpty()) {
      blocks.add(PlainReport.Block.paragraph(none));
    }
    for (PublishedRegisterReport.Action a : actions) {
      blocks.add(PlainReport.Block.heading(a.theme() + " (" + a.area() + ")"));
      blocks.add(PlainReport.Block.paragraph(a.action()));
      blocks.add(PlainReport.Block.paragraph("Status: " + history(a) + "."));
    }
    return new PlainReport.Section(heading, blocks);
  }

  /** A version's files in its own folder, or the current files (page links differ). */
  List<SiteFile> files(
      PublishedRegisterReport r,
      byte[] json,
      byte[] csv,
      List<Publication> history,
      boolean versionFolder) {
    String folder =
        versionFolder
            ? SitePaths.version(r.council(), RegisterReportBuilder.ID, r.version())
            : SitePaths.consultation(r.council(), RegisterReportBuilder.ID);
    String page =
        versionFolder
            ? page(r, history, "../../../../", "../../../index.html", "../", false)
            : page(r, history, "../../../", "../index.html", "versions/", false);
    return List.of(
        SiteFile.text(folder + "index.html", page, SiteRenderer.HTML),
        new SiteFile(folder + JSON_FILE, json, SiteRenderer.JSON),
        new SiteFile(folder + CSV_FILE, csv, SiteRenderer.CSV));
  }
}
