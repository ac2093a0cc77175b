package org.yousaid.functions.notifier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * An {@link AlertMail} as an RFC 5322 message (MIME, UTF-8 text in quoted-printable, encoded
 * subject), written by Jakarta Mail: the bytes SES sends and local mode keeps as an .eml file.
 */
final class MimeMail {

  private static final Session SESSION = Session.getInstance(new Properties());

  private MimeMail() {}

  static byte[] bytes(AlertMail mail, Instant date) {
    try {
      String domain = mail.from().substring(mail.from().indexOf('@') + 1);
      MimeMessage message =
          new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
              // Our own id, the same for a resend: never the machine's host name.
              setHeader("Message-ID", "<" + mail.messageId() + "@" + domain + ">");
            }
          };
      message.setFrom(new InternetAddress(mail.from(), true));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setSentDate(Date.from(date));
      message.setText(mail.text(), "UTF-8");
      message.setHeader("Content-Transfer-Encoding", "quoted-printable");
      message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      message.setHeader("Auto-Submitted", "auto-generated");
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalArgumentException("The alert email could not be written", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
