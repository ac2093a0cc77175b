package org.yousaid.dynamodblocal;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Amazon DynamoDB Local running inside this JVM: no port, no Docker, no AWS account.
 *
 * <p>With a data folder the tables are kept on disk and survive a restart; without one they live in
 * memory (tests). Telemetry is always off: local mode must never call out to the internet.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

  private static final List<String> NATIVE_LIBRARIES =
      List.of(
          "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll");

  private static final String DATABASE_FILE = "yousaid-local.db";

  private final AmazonDynamoDBLocal local;

  /** sqlite4java's queue threads for this database: it is closed only once they have ended. */
  private final List<Thread> sqliteThreads;

  /** Every thread that started with this instance, among them DynamoDB Local's job schedulers. */
  private final List<Thread> startedThreads;

  private EmbeddedDynamoDb(
      AmazonDynamoDBLocal local, List<Thread> sqliteThreads, List<Thread> startedThreads) {
    this.local = local;
    this.sqliteThreads = sqliteThreads;
    this.startedThreads = startedThreads;
  }

  private static java.util.Set<Thread> sqliteQueueThreads() {
    java.util.Set<Thread> threads = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("SQLiteQueue[")) {
        threads.add(t);
      }
    }
    return threads;
  }

  private static EmbeddedDynamoDb started(java.util.function.Supplier<AmazonDynamoDBLocal> start) {
    java.util.Set<Thread> before = sqliteQueueThreads();
    java.util.Set<Thread> allBefore = Thread.getAllStackTraces().keySet();
    AmazonDynamoDBLocal local = start.get();
    // The queue thread starts with the first statement: run one so it exists before we look for it.
    local.dynamoDbClient().listTables();
    List<Thread> ours = sqliteQueueThreads().stream().filter(t -> !before.contains(t)).toList();
    List<Thread> started =
        Thread.getAllStackTraces().keySet().stream().filter(t -> !allBefore.contains(t)).toList();
    return new EmbeddedDynamoDb(local, ours, started);
  }

  /**
   * DynamoDB Local's background job schedulers (shard rollover, TTL deletion, index jobs) run on
   * non-daemon pool threads that check for shutdown only between sleeps of a minute or more, so a
   * short-lived process such as {@code bin/officer} stayed alive after its work was done. Waking
   * them ends them at once (their pool is already shut down). Only threads that started with this
   * instance and are running DynamoDB Local's jobs are touched.
   */
  List<Thread> startedThreads() {
    return startedThreads;
  }

  private void endJobThreads() {
    for (Thread t : startedThreads) {
      if (t.isAlive() && !t.isDaemon() && runsDynamoDbLocalJob(t)) {
        t.interrupt();
      }
    }
  }

  private static boolean runsDynamoDbLocalJob(Thread t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs.")) {
        return true;
      }
    }
    return false;
  }

  /** Tables kept in {@code dataFolder}, which is created if missing. */
  public static EmbeddedDynamoDb persistentIn(Path dataFolder) {
    // The folder and the database (answers, password hashes) are readable by their owner only.
    OwnerOnly.folder(dataFolder);
    prepareNativeLibraries();
    // DynamoDB Local takes the SQLite database file itself, not a folder. (A failed open leaves the
    // path
    // marked in use for this JVM, so retrying here cannot help; close() waits for the file's
    // release instead.)
    EmbeddedDynamoDb started =
        started(() -> DynamoDBEmbedded.create(dataFolder.resolve(DATABASE_FILE).toFile(), true));
    // A new database file is created with the umask's permissions; SQLite gives its journal files
    // the database file's own.
    OwnerOnly.path(dataFolder.resolve(DATABASE_FILE));
    return started;
  }

  /** Tables kept in memory only, gone when closed. */
  public static EmbeddedDynamoDb inMemory() {
    prepareNativeLibraries();
    return started(() -> DynamoDBEmbedded.create(true));
  }

  public DynamoDbClient client() {
    return local.dynamoDbClient();
  }

  /** DynamoDB Local's own Streams API, for tables created with a stream. */
  public software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClient() {
    return local.dynamoDbStreamsClient();
  }

  @Override
  public void close() {
    // shutdown(), not shutdownNow(): it lets SQLite finish its work. Then wait (bounded) for the
    // queue
    // thread to end, which is when the file is really released, so a restart in this JVM can open
    // it.
    local.shutdown();
    for (Thread t : sqliteThreads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    endJobThreads();
  }

  /** Unpacks the bundled sqlite4java natives once per JVM and points sqlite4java at them. */
  private static synchronized void prepareNativeLibraries() {
    // sqlite4java logs every retry at WARNING through java.util.logging; keep only real errors.
    java.util.logging.Logger.getLogger("com.almworks.sqlite4java")
        .setLevel(java.util.logging.Level.SEVERE);
    if (System.getProperty("sqlite4java.library.path") != null) {
      return;
    }
    try {
      Path folder = Files.createTempDirectory("yousaid-sqlite4java");
      folder.toFile().deleteOnExit();
      for (String name : NATIVE_LIBRARIES) {
        try (InputStream in = EmbeddedDynamoDb.class.getResourceAsStream("native/" + name)) {
          if (in == null) {
            throw new IllegalStateException(
                "Native library " + name + " is missing from the yousaid-dynamodb-local jar");
          }
          Path target = folder.resolve(name);
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          target.toFile().deleteOnExit();
        }
      }
      System.setProperty("sqlite4java.library.path", folder.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot unpack the SQLite native library for DynamoDB Local", e);
    }
  }
}
