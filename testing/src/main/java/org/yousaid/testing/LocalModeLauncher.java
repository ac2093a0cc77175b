package org.yousaid.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * How {@link YousaidExtension} starts local mode without depending on {@code local/}, which depends
 * on every module that uses this one. {@code local/} implements it and names the implementation in
 * {@code META-INF/services/org.yousaid.testing.LocalModeLauncher}.
 */
public interface LocalModeLauncher {

  /** The class of what {@link #start} returns (local mode): tests ask for it by this type. */
  Class<? extends AutoCloseable> type();

  /** Starts local mode on a free port with its data in {@code dataFolder}. */
  AutoCloseable start(Path dataFolder, LocalModeOptions options) throws IOException;

  /** The launcher on the classpath, if local/ is on it. */
  static java.util.Optional<LocalModeLauncher> find() {
    return ServiceLoader.load(LocalModeLauncher.class).findFirst();
  }
}
