package org.yousaid.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.yousaid.functions.common.http.AllowedOrigins;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.testing.LocalModeLauncher;
import org.yousaid.testing.LocalModeOptions;

/**
 * How the test extension (yousaid-testing, which cannot depend on this module) starts local mode.
 * Registered in META-INF/services; yousaid-testing is a compile-only dependency, so local mode's
 * own runtime never loads this class.
 */
public final class LocalModeTestLauncher implements LocalModeLauncher {

  @Override
  public Class<LocalMode> type() {
    return LocalMode.class;
  }

  @Override
  public LocalMode start(Path dataFolder, LocalModeOptions options) throws IOException {
    AllowedOrigins origins = AllowedOrigins.parse(options.pageFeedbackOrigins());
    if (options.publicRateLimit().isBlank()) {
      return LocalMode.start(dataFolder, 0, origins);
    }
    return LocalMode.start(
        dataFolder,
        0,
        origins,
        RateLimiter.parse(options.publicRateLimit(), Clock.systemUTC()),
        UnaryOperator.identity());
  }
}
