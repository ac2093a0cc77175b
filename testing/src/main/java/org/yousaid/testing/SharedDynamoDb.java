package org.yousaid.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One in-memory DynamoDB Local per JVM (one per module's test run), with a fresh table for each
 * test or class.
 *
 * <p>Why one per JVM and not one per class: a table is the unit of isolation (every repository
 * takes its table's name), a new table costs milliseconds where a new DynamoDB Local costs up to a
 * second and a SQLite thread, and fault injection wraps the client, never the server. The one thing
 * a server shares across tables is the memory of transaction tokens ({@code ClientRequestToken},
 * ten minutes): tests that write the same fixed ids in every test ask for a server of their own
 * ({@link WithDynamoDb#ownServer}); anywhere else a repeated token fails loudly, since its table
 * name differs.
 */
final class SharedDynamoDb {

  /**
   * The project's table is created by shared's {@code TableSetup}, as local mode does. Called by
   * name: shared's own tests use this module, so a Maven dependency on shared would be a cycle.
   */
  static final String TABLE_SETUP = "org.yousaid.shared.storage.TableSetup";

  private static final AtomicInteger TABLES = new AtomicInteger();
  private static EmbeddedDynamoDb dynamo;
  private static MethodHandle createTable;

  private SharedDynamoDb() {}

  /** A new table in the JVM's DynamoDB Local. */
  static DynamoTable newTable(String label) {
    return newTable(client(), label);
  }

  /** A new table of the project's shape, named after {@code label}, through this client. */
  static DynamoTable newTable(DynamoDbClient client, String label) {
    String name = label.replaceAll("[^A-Za-z0-9_.-]", "-") + "-" + TABLES.incrementAndGet();
    try {
      createTable().invokeExact(client, name);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Could not create table " + name, e);
    }
    return new DynamoTable(client, name);
  }

  private static synchronized DynamoDbClient client() {
    if (dynamo == null) {
      dynamo = EmbeddedDynamoDb.inMemory();
      // Not tied to a JUnit store: jqwik properties share it, and the JVM ends with the test run.
      Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close, "stop-dynamodb-local"));
    }
    return dynamo.client();
  }

  private static synchronized MethodHandle createTable() {
    if (createTable == null) {
      try {
        createTable =
            MethodHandles.publicLookup()
                .findStatic(
                    Class.forName(TABLE_SETUP),
                    "createIfMissing",
                    MethodType.methodType(void.class, DynamoDbClient.class, String.class));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "A DynamoTable is created by "
                + TABLE_SETUP
                + ": add yousaid-shared to this module's test classpath",
            e);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalStateException(
            TABLE_SETUP
                + ".createIfMissing(DynamoDbClient, String) has changed: update "
                + SharedDynamoDb.class.getName(),
            e);
      }
    }
    return createTable;
  }
}
