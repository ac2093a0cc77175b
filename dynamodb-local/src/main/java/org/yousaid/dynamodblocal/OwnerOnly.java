package org.yousaid.dynamodblocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Local mode's data (answers that may name a child, officers' password hashes, the signing key) is
 * for the user who runs it: folders 700 and files 600, whatever the umask, and tightened again on
 * every start in case an older version or a copy left them open. On a file system without POSIX
 * permissions (Windows) this does nothing; there the folder's own ACL applies.
 */
public final class OwnerOnly {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Creates the folder if missing; then it and everything in it become the owner's only. */
  public static Path folder(Path folder) {
    try {
      Files.createDirectories(folder);
      if (POSIX) {
        try (Stream<Path> all = Files.walk(folder)) {
          for (Path p : (Iterable<Path>) all::iterator) {
            if (!Files.isSymbolicLink(p)) {
              set(p);
            }
          }
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make " + folder + " private to its owner", e);
    }
  }

  /** Makes a file (600) or folder (700) the owner's only, if it exists. */
  public static void path(Path path) {
    if (!POSIX || !Files.exists(path)) {
      return;
    }
    try {
      set(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make " + path + " private to its owner", e);
    }
  }

  private static void set(Path p) throws IOException {
    Files.setPosixFilePermissions(
        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
  }
}
