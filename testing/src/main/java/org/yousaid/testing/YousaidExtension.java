package org.yousaid.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;

/**
 * Gives a test what it asks for, starts it on first request and closes it after:
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
 * <p>A test asks with a field annotated with one of those annotations ({@code @WithLocalMode static
 * LocalMode local;}), like {@code @TempDir}, or with a parameter of a lifecycle or test method.
 * What a static field or a {@code @BeforeAll} method asks for lives for the whole class, and every
 * test of the class gets that same one; what an instance field, a {@code @BeforeEach}, test or
 * {@code @AfterEach} method asks for first lives for that one test, which all of them then share.
 * Static fields are filled before any {@code @BeforeAll} method runs; parameters are resolved in
 * order, so {@code start(CapturedOutput logs, LocalMode local)} captures local mode's start too.
 *
 * <p>Register it once per class: with the annotations, or as a {@code @RegisterExtension} field
 * built by {@link #withLocalMode} for local mode settings known only at run time (then ask by
 * parameter).
 */
public final class YousaidExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(YousaidExtension.class);
  private static final String BROWSER = "com.microsoft.playwright.Browser";
  private static final String PAGE = "com.microsoft.playwright.Page";
  private static final List<Class<? extends Annotation>> FIELD_ANNOTATIONS =
      List.of(WithDynamoDb.class, WithLocalMode.class, WithBrowser.class);

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
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    fillFields(context, null);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    fillFields(context, context.getRequiredTestInstance());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return provides(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return provide(parameter.getParameter().getType(), context, Optional.empty());
  }

  /** The static fields (no instance) or the instance's fields annotated with ours. */
  private void fillFields(ExtensionContext context, Object instance) throws IllegalAccessException {
    Predicate<Field> ours =
        field ->
            ModifierSupport.isStatic(field) == (instance == null)
                && FIELD_ANNOTATIONS.stream()
                    .anyMatch(a -> AnnotationSupport.isAnnotated(field, a));
    for (Field field :
        ReflectionSupport.findFields(
            context.getRequiredTestClass(), ours, HierarchyTraversalMode.TOP_DOWN)) {
      if (!provides(field.getType())) {
        throw new ExtensionConfigurationException(
            field + ": YousaidExtension cannot provide a " + field.getType().getName());
      }
      field.setAccessible(true);
      field.set(instance, provide(field.getType(), context, Optional.of(field)));
    }
  }

  private static boolean provides(Class<?> type) {
    return type == DynamoTable.class
        || type == CapturedOutput.class
        || type.getName().equals(BROWSER)
        || type.getName().equals(PAGE)
        || launcher().filter(l -> type.isAssignableFrom(l.type())).isPresent();
  }

  /**
   * What the type asks for, from this context's store, which also finds what the class's store
   * holds (see the class comment). Settings come from {@code field}'s annotation first.
   */
  private Object provide(Class<?> type, ExtensionContext context, Optional<Field> field) {
    Store store = context.getStore(NAMESPACE);
    if (type == DynamoTable.class) {
      return store
          .getOrComputeIfAbsent(StoredTable.class, k -> newTable(context, field), StoredTable.class)
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
          .getOrComputeIfAbsent(OpenPage.class, k -> openPage(context, field), OpenPage.class)
          .page();
    }
    return store
        .getOrComputeIfAbsent(
            RunningLocalMode.class, k -> startLocalMode(context, field), RunningLocalMode.class)
        .localMode();
  }

  private static synchronized Optional<LocalModeLauncher> launcher() {
    if (launcher == null) {
      launcher = LocalModeLauncher.find();
    }
    return launcher;
  }

  private static StoredTable newTable(ExtensionContext context, Optional<Field> field) {
    if (!nearest(context, field, WithDynamoDb.class).map(WithDynamoDb::ownServer).orElse(false)) {
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

  /**
   * The nearest annotation: on the field being filled, the test method, its class, or a class
   * enclosing that.
   */
  private static <A extends Annotation> Optional<A> nearest(
      ExtensionContext context, Optional<Field> field, Class<A> annotation) {
    Optional<A> onField = field.flatMap(f -> AnnotationSupport.findAnnotation(f, annotation));
    if (onField.isPresent()) {
      return onField;
    }
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      Optional<A> found = element.flatMap(e -> AnnotationSupport.findAnnotation(e, annotation));
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

  private static OpenPage openPage(ExtensionContext context, Optional<Field> field) {
    Optional<WithBrowser> settings = nearest(context, field, WithBrowser.class);
    return new OpenPage(
        chromium(context)
            .newPage(
                settings.map(WithBrowser::viewportWidth).orElse(1280),
                settings.map(WithBrowser::viewportHeight).orElse(720)));
  }

  private RunningLocalMode startLocalMode(ExtensionContext context, Optional<Field> field) {
    LocalModeOptions options =
        localModeOptions != null
            ? localModeOptions
            : nearest(context, field, WithLocalMode.class)
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
