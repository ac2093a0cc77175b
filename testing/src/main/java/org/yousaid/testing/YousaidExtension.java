package org.yousaid.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;

/**
 * Gives a test what it asks for by parameter type, starts it on first request and closes it after:
 *
 * <ul>
 *   <li>{@link DynamoTable}: a fresh table in this JVM's DynamoDB Local ({@link WithDynamoDb});
 *   <li>local mode (whatever type {@link LocalModeLauncher} starts): on a free port with its data
 *       in a temporary folder, deleted after ({@link WithLocalMode});
 *   <li>Playwright's {@code Browser}, Debian's Chromium shared by the whole run, and {@code Page},
 *       a page in a context of its own ({@link WithBrowser});
 *   <li>{@link CapturedOutput}: what is printed meanwhile.
 * </ul>
 *
 * <p>What a {@code @BeforeAll} method asks for lives for the whole class, and every test of the
 * class gets that same one; what a {@code @BeforeEach}, test or {@code @AfterEach} method asks for
 * first lives for that one test, which all three then share. Parameters are resolved in order, so
 * {@code start(CapturedOutput logs, LocalMode local)} captures local mode's start too. Register it
 * once per class: with the annotations, or as a {@code @RegisterExtension} field built by {@link
 * #withLocalMode} for local mode settings known only at run time.
 */
public final class YousaidExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(YousaidExtension.class);
  private static final String BROWSER = "com.microsoft.playwright.Browser";
  private static final String PAGE = "com.microsoft.playwright.Page";

  /** Found once: the launcher is on the classpath only where local/ is. */
  private static Optional<LocalModeLauncher> launcher;

  /** Null: from {@link WithLocalMode}. */
  private final LocalModeOptions localModeOptions;

  /** As the annotations register it. */
  public YousaidExtension() {
    this(null);
  }

  private YousaidExtension(LocalModeOptions localModeOptions) {
    this.localModeOptions = localModeOptions;
  }

  /** For a {@code @RegisterExtension static} field: local mode started with these settings. */
  public static YousaidExtension withLocalMode(LocalModeOptions options) {
    return new YousaidExtension(options);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoTable.class
        || type == CapturedOutput.class
        || type.getName().equals(BROWSER)
        || type.getName().equals(PAGE)
        || launcher().filter(l -> type.isAssignableFrom(l.type())).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    // This context's store, which also finds what the class's store holds: see the class comment.
    Store store = context.getStore(NAMESPACE);
    if (type == DynamoTable.class) {
      return store
          .getOrComputeIfAbsent(StoredTable.class, k -> newTable(context), StoredTable.class)
          .table();
    }
    if (type == CapturedOutput.class) {
      return store.getOrComputeIfAbsent(
          CapturedOutput.class, k -> new CapturedOutput(), CapturedOutput.class);
    }
    if (type.getName().equals(BROWSER)) {
      return chromium(context).browser();
    }
    if (type.getName().equals(PAGE)) {
      return store
          .getOrComputeIfAbsent(OpenPage.class, k -> openPage(context), OpenPage.class)
          .page();
    }
    return store
        .getOrComputeIfAbsent(
            RunningLocalMode.class, k -> startLocalMode(context), RunningLocalMode.class)
        .localMode();
  }

  private static synchronized Optional<LocalModeLauncher> launcher() {
    if (launcher == null) {
      launcher = LocalModeLauncher.find();
    }
    return launcher;
  }

  private static StoredTable newTable(ExtensionContext context) {
    if (!nearest(context, WithDynamoDb.class).map(WithDynamoDb::ownServer).orElse(false)) {
      return new StoredTable(SharedDynamoDb.newTable(label(context)), null);
    }
    EmbeddedDynamoDb server = EmbeddedDynamoDb.inMemory();
    try {
      return new StoredTable(SharedDynamoDb.newTable(server.client(), label(context)), server);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** A readable table name: the class, and the test when the table is the test's own. */
  private static String label(ExtensionContext context) {
    String label = context.getRequiredTestClass().getSimpleName();
    return context.getTestMethod().map(m -> label + "." + m.getName()).orElse(label);
  }

  /** The nearest annotation: on the test method, its class, or a class enclosing that. */
  private static <A extends Annotation> Optional<A> nearest(
      ExtensionContext context, Class<A> annotation) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<A> found =
          c.get().getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, annotation));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** One Chromium for the whole run, closed when it ends (on the thread that drives it). */
  private static Chromium chromium(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Chromium.class, k -> Chromium.launch(), Chromium.class);
  }

  private static OpenPage openPage(ExtensionContext context) {
    Optional<WithBrowser> settings = nearest(context, WithBrowser.class);
    return new OpenPage(
        chromium(context)
            .newPage(
                settings.map(WithBrowser::viewportWidth).orElse(1280),
                settings.map(WithBrowser::viewportHeight).orElse(720)));
  }

  private RunningLocalMode startLocalMode(ExtensionContext context) {
    LocalModeOptions options =
        localModeOptions != null
            ? localModeOptions
            : nearest(context, WithLocalMode.class)
                .map(LocalModeOptions::of)
                .orElse(LocalModeOptions.DEFAULT);
    try {
      Path folder = Files.createTempDirectory("yousaid-local-");
      try {
        return new RunningLocalMode(launcher().orElseThrow().start(folder, options), folder);
      } catch (IOException | RuntimeException e) {
        deleteRecursively(folder);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start local mode", e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + folder, e);
    }
  }

  /** A table, and the DynamoDB Local that holds only it when the test asked for its own. */
  private record StoredTable(DynamoTable table, EmbeddedDynamoDb ownServer)
      implements AutoCloseable {
    @Override
    public void close() {
      if (ownServer == null) {
        table.close();
      } else {
        ownServer.close();
      }
    }
  }

  /** Local mode and its data folder, deleted once local mode has stopped. */
  private record RunningLocalMode(AutoCloseable localMode, Path folder) implements AutoCloseable {
    @Override
    public void close() {
      try {
        localMode.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop local mode", e);
      } finally {
        deleteRecursively(folder);
      }
    }
  }

  /** A page whose whole context (cookies, storage) goes when the test ends. */
  private record OpenPage(Object page) implements AutoCloseable {
    @Override
    public void close() {
      ((com.microsoft.playwright.Page) page).context().close();
    }
  }
}
