package org.yousaid.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yousaid.publishing.PublishedConsultation.PublishedQuestion;
import org.yousaid.publishing.PublishedConsultation.PublishedTheme;
import org.yousaid.reports.ReportFormat;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.web.Assets;
import org.yousaid.web.Assets.Asset;
import org.yousaid.web.Pages;

/**
 * Turns published content into the site's files: HTML pages (GOV.UK Frontend markup, no scripts),
 * the open data (JSON and CSV) and the council's Atom feed. Pages link with relative paths so the
 * site works wherever it is served from.
 */
public final class SiteRenderer {

  /** One row of a page's publication record. */
  public record HistoryRow(
      int version, String publishedOn, String contentHash, boolean withdrawn, String reason) {}

  /**
   * What stays at a withdrawn version's address: a notice saying when and why, and where the
   * current version is. No content of the version is kept.
   */
  public String withdrawn(String title, int version, Instant at) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", title + ": version " + version + " withdrawn");
    model.put("title", title);
    model.put("councilName", "");
    model.put("version", version);
    model.put("root", "../../../../");
    model.put("withdrawnOn", ReportFormat.date(at));
    model.put("reason", Publisher.ERASURE_REASON);
    return Pages.render("published/withdrawn", model);
  }

  /** One consultation on the council's index page. */
  public record IndexRow(String title, String link, String publishedOn, int updates) {}

  private static final List<String> ASSETS = List.of("govuk-frontend.min.css", "yousaid.css");

  public byte[] json(PublishedConsultation c) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(c);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PublishedConsultation readJson(byte[] json) {
    return Json.read(new String(json, StandardCharsets.UTF_8), PublishedConsultation.class);
  }

  /**
   * One row per option of a closed question and per theme of a free-text question; every cell made
   * safe for spreadsheets.
   */
  public byte[] csv(PublishedConsultation c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter csv =
        new CSVPrinter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "question_number",
                    "question",
                    "row",
                    "label",
                    "count",
                    "percent",
                    "note",
                    "you_said",
                    "we_did",
                    "status",
                    "date")
                .get())) {
      for (PublishedQuestion q : c.questions()) {
        if (q.options() != null) {
          for (var o : q.options()) {
            row(
                csv,
                q.number(),
                q.text(),
                "answer",
                o.label(),
                o.count(),
                o.percent(),
                o.note(),
                null,
                null,
                null,
                null);
          }
        }
        if (q.themes() != null) {
          for (PublishedTheme t : q.themes()) {
            row(
                csv,
                q.number(),
                q.text(),
                "theme",
                t.label(),
                t.count(),
                t.percent(),
                t.note(),
                t.exemplar(),
                t.weDid() == null ? null : t.weDid().response(),
                t.weDid() == null ? null : t.weDid().status(),
                t.weDid() == null || t.weDid().date() == null ? null : t.weDid().date().toString());
            for (PublishedTheme s : t.subThemes()) {
              row(
                  csv,
                  q.number(),
                  q.text(),
                  "sub-theme",
                  t.label() + ": " + s.label(),
                  s.count(),
                  s.percent(),
                  s.note(),
                  s.exemplar(),
                  null,
                  null,
                  null);
            }
          }
        }
      }
      // Page feedback per Open Referral UK service: the row holds the service id, the label its
      // name.
      if (c.services() != null) {
        for (var s : c.services()) {
          for (var o : s.options()) {
            row(
                csv,
                null,
                "Was this page useful? Service " + s.id(),
                "service:" + s.id(),
                s.name() + ": " + o.label(),
                o.count(),
                o.percent(),
                o.note(),
                null,
                null,
                null,
                null);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void row(CSVPrinter csv, Object... cells) throws IOException {
    List<String> safe = new ArrayList<>();
    for (Object cell : cells) {
      safe.add(ReportFormat.safeCell(cell == null ? "" : cell.toString()));
    }
    csv.printRecord(safe);
  }

  /**
   * A consultation's page. {@code root} is the relative path from the page to the site root
   * ("../../../" for the current page, "/" for an officer's preview served by the application).
   */
  public String page(
      PublishedConsultation c,
      List<Publication> history,
      String root,
      String councilHome,
      String versionsBase,
      boolean preview) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", c.title());
    model.put("councilName", c.councilName());
    model.put("c", c);
    model.put("root", root);
    model.put("preview", preview);
    model.put("councilHome", councilHome);
    model.put("versionsBase", versionsBase);
    model.put("publishedOn", ReportFormat.date(c.publishedAt()));
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
                    new HistoryRow(
                        p.version(),
                        ReportFormat.date(p.publishedAt()),
                        p.contentHash(),
                        withdrawn.contains(p.version()),
                        p.reason()))
            .toList());
    return Pages.render("published/consultation", model);
  }

  /**
   * The files of one publication: its own immutable folder, then the consultation's current files.
   */
  public List<SiteFile> versionFiles(
      PublishedConsultation c, byte[] json, byte[] csv, List<Publication> history) {
    String folder = SitePaths.version(c.council(), c.consultation(), c.version());
    return List.of(
        SiteFile.text(
            folder + "index.html",
            page(c, history, "../../../../", "../../../index.html", "../", false),
            HTML),
        new SiteFile(folder + SitePaths.JSON, json, JSON),
        new SiteFile(folder + SitePaths.CSV, csv, CSV));
  }

  public List<SiteFile> currentFiles(
      PublishedConsultation c, byte[] json, byte[] csv, List<Publication> history) {
    String folder = SitePaths.consultation(c.council(), c.consultation());
    return List.of(
        SiteFile.text(
            folder + "index.html",
            page(c, history, "../../../", "../index.html", "versions/", false),
            HTML),
        new SiteFile(folder + SitePaths.JSON, json, JSON),
        new SiteFile(folder + SitePaths.CSV, csv, CSV));
  }

  public SiteFile councilIndex(String council, String councilName, List<Publication> latest) {
    Map<String, Object> model = new HashMap<>();
    model.put("pageTitle", "You said, we did");
    model.put("councilName", councilName);
    model.put("root", "../../");
    model.put("feed", "feed.atom");
    model.put(
        "consultations",
        latest.stream()
            .sorted(Comparator.comparing(Publication::publishedAt).reversed())
            .map(
                p ->
                    new IndexRow(
                        p.title(),
                        p.consultationId() + "/index.html",
                        ReportFormat.date(p.publishedAt()),
                        p.updates().size()))
            .toList());
    return SiteFile.text(
        SitePaths.council(council) + "index.html", Pages.render("published/council", model), HTML);
  }

  /**
   * The council's Atom feed: one entry per "we did" response currently published, dated by the
   * first version that published it in its present wording and status, so a reader sees what is new
   * or changed.
   */
  public SiteFile feed(
      String council, String councilName, Map<String, List<Publication>> versionsByConsultation) {
    record Entry(String id, String title, String summary, String link, Instant updated) {}
    List<Entry> entries = new ArrayList<>();
    Instant newest = Instant.EPOCH;
    for (List<Publication> versions : versionsByConsultation.values()) {
      if (versions.isEmpty()) {
        continue;
      }
      List<Publication> sorted =
          versions.stream().sorted(Comparator.comparingInt(Publication::version)).toList();
      Publication latest = sorted.get(sorted.size() - 1);
      for (Publication.Update u : latest.updates()) {
        Instant since = latest.publishedAt();
        for (int i = sorted.size() - 2; i >= 0 && sorted.get(i).updates().contains(u); i--) {
          since = sorted.get(i).publishedAt();
        }
        String title = latest.title() + ": " + u.theme() + " (" + u.status() + ")";
        String summary =
            "You said: "
                + u.theme()
                + ". We did: "
                + u.response()
                + (u.date() == null ? "" : " (" + u.status() + ", " + u.date() + ")");
        entries.add(
            new Entry(
                "urn:yousaid:" + council + ":" + latest.consultationId() + ":" + u.id(),
                title,
                summary,
                latest.consultationId() + "/index.html",
                since));
        newest = since.isAfter(newest) ? since : newest;
      }
      newest = latest.publishedAt().isAfter(newest) ? latest.publishedAt() : newest;
    }
    entries.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
      element(xml, "id", "urn:yousaid:" + council + ":you-said-we-did");
      element(xml, "title", councilName + ": You said, we did");
      element(xml, "updated", atomDate(newest));
      xml.writeStartElement("author");
      element(xml, "name", councilName);
      xml.writeEndElement();
      link(xml, "index.html", "alternate");
      link(xml, "feed.atom", "self");
      for (Entry e : entries) {
        xml.writeStartElement("entry");
        element(xml, "id", e.id());
        element(xml, "title", e.title());
        element(xml, "updated", atomDate(e.updated()));
        link(xml, e.link(), "alternate");
        element(xml, "summary", e.summary());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the Atom feed", e);
    }
    return SiteFile.text(
        SitePaths.feed(council), out.toString(), "application/atom+xml; charset=utf-8");
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlSafe(text));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }

  /** XML 1.0 cannot carry most control characters even escaped; they are dropped. */
  static String xmlSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            cp ->
                cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String atomDate(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** GOV.UK Frontend's CSS and ours, the same files the application's pages use. */
  public List<SiteFile> assets() {
    List<SiteFile> files = new ArrayList<>();
    for (String name : ASSETS) {
      Asset asset =
          Assets.find(name).orElseThrow(() -> new IllegalStateException("Missing asset " + name));
      files.add(new SiteFile(SitePaths.assets() + name, asset.bytes(), asset.contentType()));
    }
    return files;
  }

  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  static final String CSV = "text/csv; charset=utf-8";
}
