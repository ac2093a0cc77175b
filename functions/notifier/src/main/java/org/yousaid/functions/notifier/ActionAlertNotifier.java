package org.yousaid.functions.notifier;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.register.ActionAlert;
import org.yousaid.shared.register.ActionAlerts;
import org.yousaid.shared.register.ActionStatus;
import org.yousaid.shared.register.RegisterEntry;
import org.yousaid.shared.register.RegisterRepository;
import org.yousaid.shared.register.RegisterTheme;
import org.yousaid.shared.storage.ConsultationRepository;
import org.yousaid.shared.storage.Storage;

/**
 * Sends the emails of one change of an action's status: one to each respondent who asked, whose
 * answer is in the action's theme (excluded comments are in no theme). Each email is claimed before
 * it is sent and given back if sending fails, so a retried delivery sends only what was not sent;
 * once all are sent, the change is marked sent and a redelivery sends nothing. The email says what
 * changed, in the council's published words, and never repeats the respondent's answer.
 */
public final class ActionAlertNotifier {

  /** The register's published report, under the site (publishing's RegisterReportBuilder.ID). */
  static final String REPORT_PAGE = "local-offer-feedback/index.html";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final ActionAlerts alerts;
  private final RegisterRepository register;
  private final ConsultationRepository consultations;
  private final MailSender mail;
  private final NotifierConfig config;
  private final Clock clock;

  public ActionAlertNotifier(Storage storage, MailSender mail, NotifierConfig config) {
    this.alerts = storage.alerts();
    this.register = storage.register();
    this.consultations = storage.consultations();
    this.mail = mail;
    this.config = config;
    this.clock = storage.clock();
  }

  /** Sends what this outbox item still has to send; returns how many emails went. */
  public int deliver(String council, String outboxKey) {
    Optional<ActionAlerts.StatusChange> found = alerts.statusChange(council, outboxKey);
    if (found.isEmpty() || found.get().sent()) {
      return 0;
    }
    ActionAlerts.StatusChange change = found.get();
    Optional<RegisterTheme> theme = register.theme(council, change.themeId());
    int sent = 0;
    if (theme.isPresent() && theme.get().hasAction()) {
      Set<String> inTheme = new HashSet<>();
      for (RegisterEntry e : register.entries(council)) {
        if (change.themeId().equals(e.themeId()) && !e.excluded()) {
          inTheme.add(e.consultationId() + "#" + e.responseId());
        }
      }
      for (ActionAlert alert : alerts.all(council)) {
        if (!inTheme.contains(alert.consultationId() + "#" + alert.responseId())
            || !alerts.claim(change, alert, clock.instant())) {
          continue;
        }
        try {
          mail.send(email(change, theme.get(), alert));
        } catch (RuntimeException notSent) {
          alerts.release(change, alert);
          throw notSent;
        }
        sent++;
      }
    }
    alerts.sent(change, clock.instant());
    return sent;
  }

  AlertMail email(ActionAlerts.StatusChange change, RegisterTheme theme, ActionAlert alert) {
    Optional<Consultation> consultation =
        consultations.find(alert.council(), alert.consultationId());
    String councilName = consultation.map(Consultation::councilName).orElse("Your council");
    String about = consultation.map(c -> " in \"" + c.title() + "\"").orElse("");
    URI stop = URI.create(config.publicUrl() + "/alerts/" + alert.council() + "/" + alert.linkId());
    String page = config.siteUrl() + "/published/" + alert.council() + "/" + REPORT_PAGE;
    StringBuilder text = new StringBuilder();
    text.append("You asked us to email you when we act on what you told us")
        .append(about)
        .append(".\n\n");
    text.append("People told us about: ").append(theme.label()).append("\n\n");
    if (theme.response() != null) {
      text.append("Our response: ").append(theme.response()).append("\n\n");
    }
    text.append("What we are doing: ").append(theme.action()).append("\n\n");
    text.append("What has changed: this is now ")
        .append(change.status().label().toLowerCase(Locale.UK))
        .append(" (since ")
        .append(DAY.format(change.on()))
        .append(").\n\n");
    text.append("Read what we did about everything people told us:\n").append(page).append("\n\n");
    text.append(
        "This email does not repeat your answers. We will email you again if this changes.\n\n");
    text.append("Stop these emails (your answers stay):\n").append(stop).append("\n\n");
    text.append("See or delete your answers, and this email address, with your receipt code:\n")
        .append(config.publicUrl())
        .append("/receipt\n");
    return new AlertMail(
        config.sender(),
        alert.email(),
        councilName + ": " + theme.label() + " - " + headline(change.status()),
        text.toString(),
        stop,
        change.key().replace('#', '.') + "." + alert.responseId());
  }

  private static String headline(ActionStatus status) {
    return switch (status) {
      case PLANNED -> "action planned";
      case IN_PROGRESS -> "action started";
      case DONE -> "action done";
    };
  }
}
