package org.yousaid.functions.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Local mode's mail: each email is written as an RFC 5322 .eml file into a folder (open it with any
 * mail program), named by when it was sent and its message id, never by its address. A file appears
 * whole or not at all.
 */
public final class FolderMailSender implements MailSender {

  private final Path folder;
  private final Clock clock;

  public FolderMailSender(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void send(AlertMail mail) {
    try {
      Files.createDirectories(folder);
      byte[] bytes = MimeMail.bytes(mail, clock.instant());
      String name =
          clock.millis() + "-" + mail.messageId().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
      Path part = Files.createTempFile(folder, ".sending-", ".part");
      Files.write(part, bytes);
      Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("The alert email could not be written", e);
    }
  }
}
