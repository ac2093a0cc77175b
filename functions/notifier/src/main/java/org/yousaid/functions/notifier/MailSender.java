package org.yousaid.functions.notifier;

/**
 * Sends one alert email: through Amazon SES in AWS ({@link SesMailSender}), into a folder of .eml
 * files in local mode ({@link FolderMailSender}). Throws if it was not sent, so the delivery is
 * retried.
 */
public interface MailSender {

  void send(AlertMail mail);
}
