package org.yousaid.publishing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The published site as files in a folder (local mode serves it at {@code /published/}). */
public final class FolderSiteStore implements SiteStore {

  private final Path root;

  public FolderSiteStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The file for a site path, refusing any path that would leave the folder. */
  public Path resolve(String path) {
    Path resolved = root.resolve(path).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException("Not a path inside the site");
    }
    return resolved;
  }

  @Override
  public void put(SiteFile file) throws IOException {
    Path target = resolve(file.path());
    Files.createDirectories(target.getParent());
    // Written beside the target and moved into place, so a reader sees the old file or the new one.
    Path temp = Files.createTempFile(target.getParent(), ".publishing-", ".tmp");
    try {
      Files.write(temp, file.body());
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void delete(String path) throws IOException {
    Files.deleteIfExists(resolve(path));
  }

  @Override
  public Optional<byte[]> get(String path) throws IOException {
    Path file = resolve(path);
    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }
}
