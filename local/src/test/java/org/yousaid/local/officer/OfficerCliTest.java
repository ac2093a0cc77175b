package org.yousaid.local.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.local.LocalMode;
import org.yousaid.shared.storage.Storage;

/**
 * {@code bin/officer add} as a separate JVM, as the script runs it: it refuses a weak password, and
 * after "Saved" the process ends by itself (it used to hang there, held by DynamoDB Local's job
 * threads).
 */
class OfficerCliTest {

  private record Run(int exit, String output) {}

  private static Run add(Path data, String email, String password) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OfficerCli.class.getName(),
                "add",
                "--email",
                email,
                "--council",
                "demo",
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException exitedEarly) {
      // It may refuse before reading.
    }
    // A bound only so a hang fails the test instead of the build; it exits in seconds.
    boolean exited = process.waitFor(3, TimeUnit.MINUTES);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      process.destroyForcibly();
    }
    assertTrue(exited, "bin/officer add did not end by itself; it printed: " + output);
    return new Run(process.exitValue(), output);
  }

  @Test
  void addSavesAStrongPasswordAndEndsByItself(@TempDir Path data) throws Exception {
    Run run = add(data, "new.officer@demo.example", "plum orchard lantern 47");
    assertEquals(0, run.exit(), run.output());
    assertTrue(
        run.output().contains("Saved new.officer@demo.example as officer of demo"), run.output());
    try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(data)) {
      LocalOfficers officers =
          new LocalOfficers(
              Storage.of(dynamo.client(), LocalMode.TABLE, Clock.systemUTC()).table());
      assertTrue(
          officers.authenticate("new.officer@demo.example", "plum orchard lantern 47").isPresent());
    }
  }

  @Test
  void addRefusesWeakPasswordsAndSavesNothing(@TempDir Path data) throws Exception {
    for (String weak : List.of("short", "Password1234", "new.officer@demo.example")) {
      Run run = add(data, "new.officer@demo.example", weak);
      assertEquals(1, run.exit(), weak + ": " + run.output());
      assertTrue(!run.output().contains("Saved"), run.output());
    }
  }
}
