package org.yousaid.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything written to {@code System.out} and {@code System.err} from when it is made until it is
 * closed, including what the logging backends print, while still passing it on so the test's own
 * output shows. Log-privacy tests read it to prove no answer was logged.
 *
 * <p>Asked for as a parameter before local mode in the same method, it starts first and so also
 * sees what local mode's functions log as they start.
 */
public final class CapturedOutput implements AutoCloseable {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  public CapturedOutput() {
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
  }

  /** What was written so far. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Puts back the streams it replaced. */
  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  /** Writes to the capture and on to the original stream. */
  private PrintStream tee(PrintStream original) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (captured) {
              captured.write(b, off, len);
            }
            original.write(b, off, len);
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }
}
