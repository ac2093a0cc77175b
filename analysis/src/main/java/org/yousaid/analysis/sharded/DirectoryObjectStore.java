package org.yousaid.analysis.sharded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} in a directory: local mode, tests and benchmarks. A put writes a temporary
 * file and moves it into place, so a reader never sees half an object (as with S3).
 */
public final class DirectoryObjectStore implements ObjectStore {
  private final Path root;

  public DirectoryObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      Files.write(temporary, bytes);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix) && !k.substring(k.lastIndexOf('/') + 1).startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void deleteAll(String prefix) {
    for (String key : list(prefix)) {
      try {
        Files.deleteIfExists(resolve(key));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // empty folders left behind are removed too, deepest first
    if (!Files.isDirectory(root)) return;
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory)
          .filter(d -> !d.equals(root))
          .filter(d -> (root.relativize(d) + "/").startsWith(prefix))
          .sorted(Comparator.reverseOrder())
          .forEach(
              d -> {
                try (Stream<Path> in = Files.list(d)) {
                  if (in.findAny().isEmpty()) Files.delete(d);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // and the run's now empty parents (runs/{council}/...), up to the root
    Path parent = root.resolve(prefix).normalize().getParent();
    try {
      while (parent != null && parent.startsWith(root) && !parent.equals(root)) {
        try (Stream<Path> in = Files.list(parent)) {
          if (in.findAny().isPresent()) break;
        }
        Files.delete(parent);
        parent = parent.getParent();
      }
    } catch (NoSuchFileException gone) {
      // another run removed it first
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A key is a relative path below the root: ".." or an absolute path would leave it. */
  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || p.equals(root))
      throw new IllegalArgumentException("not a key below the store's directory");
    return p;
  }
}
