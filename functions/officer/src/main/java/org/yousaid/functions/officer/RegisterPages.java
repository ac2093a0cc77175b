package org.yousaid.functions.officer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.f4b6a3.ulid.UlidCreator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.FormBody;
import org.yousaid.functions.common.http.Request;
import org.yousaid.functions.common.http.Responses;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.publishing.PublishJob;
import org.yousaid.publishing.PublishedRegisterReport;
import org.yousaid.publishing.RegisterPublisher;
import org.yousaid.publishing.RegisterRenderer;
import org.yousaid.publishing.RegisterReportBuilder;
import org.yousaid.publishing.SitePaths;
import org.yousaid.reports.PlainReportExport;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.publishing.Publication;
import org.yousaid.shared.publishing.PublicationRepository;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.ExclusionReason;
import org.yousaid.shared.register.RegisterArea;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The reg. 56 comments register: every comment about the Local Offer with its theme, response,
 * action and status; an entry's page (theme it, approve its quote, keep it out of publication with
 * a recorded reason); a theme's page (the council's response and action); and the annual Local
 * Offer feedback report (preview, Word, PDF, JSON and CSV of the draft, sign-off and publication).
 */
final class RegisterPages {

  /** A council that has not published comments and responses for this long is warned. */
  static final Duration DUE_AFTER = Duration.ofDays(365);

  /** One entry as the register's list shows it. */
  record Row(RegisterEntry entry, String theme, String status) {}

  private final RegisterRepository register;
  private final RegisterEditor editor;
  private final RegisterPublisher publisher;
  private final PublicationRepository log;
  private final PublishQueue queue;
  private final Clock clock;
  private final String siteUrl;
  private final RegisterRenderer renderer = new RegisterRenderer();

  RegisterPages(Services services, PublishQueue queue, String siteUrl) {
    this.register = services.register();
    this.editor = new RegisterEditor(register, services.clock());
    this.publisher = new RegisterPublisher(services);
    this.log = services.publications();
    this.queue = queue;
    this.clock = services.clock();
    this.siteUrl = siteUrl.endsWith("/") ? siteUrl : siteUrl + "/";
  }

  /** When the council last published its comments and responses, if it ever did. */
  Optional<Publication> lastPublished(String council) {
    return log.latest(council, RegisterReportBuilder.ID);
  }

  /** Whether the officer home must warn: nothing published in the last 12 months. */
  boolean due(String council) {
    return lastPublished(council)
        .map(p -> p.publishedAt().isBefore(clock.instant().minus(DUE_AFTER)))
        .orElse(true);
  }

  /** The register, newest first; new comments are added to it first. */
  APIGatewayV2HTTPResponse list(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    int added = register.addNewComments(council);
    String show = request.query("show").orElse("all");
    Map<String, RegisterTheme> themes = themesById(council);
    List<Row> rows = new ArrayList<>();
    int fresh = 0;
    int excluded = 0;
    List<RegisterEntry> entries = new ArrayList<>(register.entries(council));
    entries.sort(Comparator.comparing(RegisterEntry::receivedAt).reversed());
    for (RegisterEntry e : entries) {
      RegisterTheme t = e.themeId() == null ? null : themes.get(e.themeId());
      fresh += e.triaged() || e.excluded() ? 0 : 1;
      excluded += e.excluded() ? 1 : 0;
      boolean shown =
          switch (show) {
            case "new" -> !e.triaged() && !e.excluded();
            case "excluded" -> e.excluded();
            default -> true;
          };
      if (shown) {
        rows.add(new Row(e, t == null ? null : t.label(), status(e, t)));
      }
    }
    Map<String, Object> model = FormModel.of("Comments register", Map.of(), List.of());
    model.put("council", council);
    model.put("rows", rows);
    model.put("total", entries.size());
    model.put("fresh", fresh);
    model.put("excluded", excluded);
    model.put("added", added);
    model.put("show", show);
    model.put("themes", grouped(themes.values()));
    model.put("due", due(council));
    return officer.page("officer/register", model);
  }

  private static String status(RegisterEntry e, RegisterTheme t) {
    if (e.excluded()) {
      return "Excluded";
    }
    if (t == null) {
      return "New";
    }
    return t.status() == null ? "No action yet" : t.status().label();
  }

  APIGatewayV2HTTPResponse entry(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    RegisterEntry e = editor.entry(council, request.pathParameter("entry"));
    return officer.page("officer/register-entry", entryModel(council, e, Map.of(), List.of()));
  }

  private Map<String, Object> entryModel(
      String council, RegisterEntry e, Map<String, List<String>> given, List<FieldError> errors) {
    Map<String, Object> model = FormModel.of("A comment in the register", given, errors);
    model.put("council", council);
    model.put("e", e);
    Map<String, RegisterTheme> themes = themesById(council);
    model.put("theme", e.themeId() == null ? null : themes.get(e.themeId()));
    model.put("themes", grouped(themes.values()));
    model.put("areas", RegisterArea.values());
    model.put("reasons", ExclusionReason.values());
    return model;
  }

  /** Themes one, excludes or puts back one entry; a refused form comes back with the reason. */
  APIGatewayV2HTTPResponse entryAction(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    String id = request.pathParameter("entry");
    FormBody form = FormBody.parse(request.bodyText(32 * 1024));
    String action = String.valueOf(form.first("do"));
    try {
      switch (action) {
        case "triage" ->
            editor.triage(
                council,
                id,
                form.first("theme"),
                form.first("area"),
                form.first("label"),
                "yes".equals(form.first("quote")));
        case "exclude" ->
            editor.exclude(
                council,
                id,
                form.first("reason"),
                form.first("note"),
                "yes".equals(form.first("casework")),
                officer.identity().email());
        case "include" -> editor.include(council, id);
        default ->
            throw ProblemException.invalid(
                List.of(new FieldError("do", "Choose what to do with this comment")));
      }
    } catch (ProblemException refused) {
      if (refused.errors().isEmpty()) {
        throw refused;
      }
      return officer.page(
          "officer/register-entry",
          entryModel(council, editor.entry(council, id), form.fields(), refused.errors()),
          refused.status());
    }
    Flash done =
        switch (action) {
          case "exclude" -> Flash.REGISTER_EXCLUDED;
          case "include" -> Flash.REGISTER_INCLUDED;
          default -> Flash.REGISTER_SAVED;
        };
    return done.redirect(registerPath(council) + "/entries/" + id);
  }

  APIGatewayV2HTTPResponse theme(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    RegisterTheme t = editor.theme(council, request.pathParameter("theme"));
    return officer.page("officer/register-theme", themeModel(council, t, Map.of(), List.of()));
  }

  private Map<String, Object> themeModel(
      String council, RegisterTheme t, Map<String, List<String>> given, List<FieldError> errors) {
    Map<String, Object> model = FormModel.of("Theme: " + t.label(), given, errors);
    model.put("council", council);
    model.put("t", t);
    model.put("statuses", ActionStatus.values());
    model.put(
        "entries",
        register.entries(council).stream()
            .filter(e -> t.id().equals(e.themeId()))
            .sorted(Comparator.comparing(RegisterEntry::receivedAt).reversed())
            .toList());
    return model;
  }

  APIGatewayV2HTTPResponse themeAction(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    String id = request.pathParameter("theme");
    FormBody form = FormBody.parse(request.bodyText(32 * 1024));
    try {
      editor.respond(
          council,
          id,
          form.first("label"),
          form.first("response"),
          form.first("action"),
          form.first("status"));
    } catch (ProblemException refused) {
      if (refused.errors().isEmpty()) {
        throw refused;
      }
      return officer.page(
          "officer/register-theme",
          themeModel(council, editor.theme(council, id), form.fields(), refused.errors()),
          refused.status());
    }
    return Flash.REGISTER_THEME_SAVED.redirect(registerPath(council) + "/themes/" + id);
  }

  /** The annual report's sign-off page: what will be published, its warnings and its history. */
  APIGatewayV2HTTPResponse report(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    register.addNewComments(council);
    return officer.page(
        "officer/register-report",
        reportModel(council, publisher.draft(council), Map.of(), List.of()));
  }

  private Map<String, Object> reportModel(
      String council,
      PublishedRegisterReport draft,
      Map<String, List<String>> given,
      List<FieldError> errors) {
    Map<String, Object> model = FormModel.of("Local Offer feedback report", given, errors);
    model.put("council", council);
    model.put("draft", draft);
    model.put("fingerprint", publisher.fingerprint(draft));
    List<RegisterEntry> entries = register.entries(council);
    model.put("untriaged", entries.stream().filter(e -> !e.triaged() && !e.excluded()).count());
    model.put("excluded", entries.stream().filter(RegisterEntry::excluded).count());
    List<String> noAction = new ArrayList<>();
    draft
        .areas()
        .forEach(
            a ->
                a.themes().stream()
                    .filter(t -> t.action() == null)
                    .forEach(t -> noAction.add(t.label())));
    model.put("noAction", noAction);
    List<Map<String, Object>> versions = new ArrayList<>();
    String folder = siteUrl + SitePaths.consultation(council, RegisterReportBuilder.ID);
    List<Publication> history = publisher.versions(council);
    for (int i = history.size() - 1; i >= 0; i--) {
      Publication p = history.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("p", p);
      row.put("link", folder + "versions/" + p.version() + "/index.html");
      versions.add(row);
    }
    model.put("versions", versions);
    model.put("currentLink", history.isEmpty() ? null : folder + "index.html");
    model.put("due", due(council));
    return model;
  }

  APIGatewayV2HTTPResponse preview(Request request, SignedInOfficer officer) {
    return Responses.html(200, publisher.preview(request.pathParameter("council")));
  }

  /** The draft report as Word, PDF (PDF/UA), JSON or CSV: exactly what publishing would say. */
  APIGatewayV2HTTPResponse download(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    String format = request.pathParameter("format");
    PublishedRegisterReport draft = publisher.draft(council);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String type;
    try {
      switch (format) {
        case "docx" -> {
          PlainReportExport.docx(renderer.document(draft), out);
          type = ExportFormat.DOCX.contentType();
        }
        case "pdf" -> {
          PlainReportExport.pdf(renderer.document(draft), out);
          type = ExportFormat.PDF.contentType();
        }
        case "json" -> {
          out.write(renderer.json(draft));
          type = "application/json; charset=utf-8";
        }
        case "csv" -> {
          out.write(renderer.csv(draft));
          type = "text/csv; charset=utf-8";
        }
        default -> throw ProblemException.notFound("There is no such download.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Responses.binary(
        200,
        type,
        out.toByteArray(),
        Map.of(
            "Content-Disposition",
            "attachment; filename=\"" + council + "-local-offer-feedback." + format + "\"",
            "Cache-Control",
            "no-store"));
  }

  /** Signs off the draft and queues the publisher; a refused sign-off comes back with why. */
  APIGatewayV2HTTPResponse publish(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    FormBody form = FormBody.parse(request.bodyText(16 * 1024));
    PublishedRegisterReport draft = publisher.draft(council);
    String fingerprint = publisher.fingerprint(draft);
    List<FieldError> errors = new ArrayList<>();
    int status = 400;
    if (!"yes".equals(form.first("confirm"))) {
      errors.add(
          new FieldError(
              "confirm", "Confirm that you have checked what will be published, then publish"));
    } else if (!fingerprint.equals(form.first("draft"))) {
      status = 409;
      errors.add(
          new FieldError(
              "confirm",
              "What will be published has changed since you checked it. Check it again, then confirm"));
    }
    if (!errors.isEmpty()) {
      return officer.page(
          "officer/register-report", reportModel(council, draft, form.fields(), errors), status);
    }
    queue.send(
        Json.write(
            new PublishJob(
                council,
                RegisterReportBuilder.ID,
                officer.identity().subject(),
                UlidCreator.getMonotonicUlid().toString(),
                officer.identity().email(),
                fingerprint)));
    return Flash.PUBLISH_REQUESTED.redirect(registerPath(council) + "/report");
  }

  /**
   * The register as JSON: every entry (or only the new or the excluded ones, {@code show}), each
   * with its id, its theme's label and status, whether it is excluded and, if so, the recorded
   * reason in words; and every theme.
   */
  APIGatewayV2HTTPResponse json(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    String show = request.query("show").orElse("all");
    if (!List.of("all", "new", "excluded").contains(show)) {
      throw ApiJson.unprocessable(
          List.of(new FieldError("show", "Show must be all, new or excluded")));
    }
    register.addNewComments(council);
    Map<String, RegisterTheme> themes = themesById(council);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (RegisterEntry e : register.entries(council)) {
      boolean wanted =
          switch (show) {
            case "new" -> !e.triaged() && !e.excluded();
            case "excluded" -> e.excluded();
            default -> true;
          };
      if (!wanted) {
        continue;
      }
      RegisterTheme t = e.themeId() == null ? null : themes.get(e.themeId());
      Map<String, Object> entry = Json.mapper().convertValue(e, LINKED_MAP);
      entry.put("id", e.id());
      entry.put("excluded", e.excluded());
      entry.put("theme", t == null ? null : t.label());
      entry.put("status", status(e, t));
      if (e.excluded()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> exclusion = (Map<String, Object>) entry.get("exclusion");
        exclusion.put("reasonLabel", e.exclusion().reason().label());
      }
      entries.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", entries);
    body.put("themes", register.themes(council));
    body.put("lastPublished", lastPublished(council).map(Publication::publishedAt).orElse(null));
    body.put("publicationDue", due(council));
    return Responses.json(200, body);
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>
      LINKED_MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {};

  /**
   * The annual Local Offer feedback report's data as JSON: the draft exactly as publishing would
   * put it out (suppressed, redacted, excluded comments left out), its fingerprint for sign-off,
   * what the sign-off page warns about, and the versions already published.
   */
  APIGatewayV2HTTPResponse reportJson(Request request, SignedInOfficer officer) {
    String council = request.pathParameter("council");
    register.addNewComments(council);
    PublishedRegisterReport draft = publisher.draft(council);
    Map<String, Object> model = reportModel(council, draft, Map.of(), List.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("draft", draft);
    body.put("fingerprint", model.get("fingerprint"));
    body.put("untriaged", model.get("untriaged"));
    body.put("excluded", model.get("excluded"));
    body.put("themesWithoutAction", model.get("noAction"));
    List<Map<String, Object>> versions = new ArrayList<>();
    for (Publication p : publisher.versions(council)) {
      Map<String, Object> version = new LinkedHashMap<>();
      version.put("version", p.version());
      version.put("publishedAt", p.publishedAt());
      version.put("contentHash", p.contentHash());
      versions.add(version);
    }
    body.put("versions", versions);
    body.put("lastPublished", lastPublished(council).map(Publication::publishedAt).orElse(null));
    body.put("publicationDue", due(council));
    return Responses.json(200, body);
  }

  private Map<String, RegisterTheme> themesById(String council) {
    Map<String, RegisterTheme> out = new LinkedHashMap<>();
    register.themes(council).forEach(t -> out.put(t.id(), t));
    return out;
  }

  /** Themes by area, in the areas' order, each area's themes by name. */
  private static List<Map<String, Object>> grouped(java.util.Collection<RegisterTheme> themes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RegisterArea a : RegisterArea.values()) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("area", a);
      group.put(
          "themes",
          themes.stream()
              .filter(t -> t.area() == a)
              .sorted(Comparator.comparing(RegisterTheme::label))
              .toList());
      out.add(group);
    }
    return out;
  }

  static String registerPath(String council) {
    return "/officer/councils/" + council + "/register";
  }
}
