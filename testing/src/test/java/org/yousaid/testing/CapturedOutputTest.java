package org.yousaid.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class CapturedOutputTest {

  @Test
  void seesBothStreamsFromAnyThreadUntilClosedThenPutsThemBack() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    CapturedOutput captured = new CapturedOutput();
    try {
      System.out.println("to standard output");
      Thread logger = new Thread(() -> System.err.println("from another thread to standard error"));
      logger.start();
      logger.join();
    } finally {
      captured.close();
    }
    assertSame(out, System.out);
    assertSame(err, System.err);
    System.out.println("after closing");
    String text = captured.text();
    assertTrue(text.contains("to standard output"), text);
    assertTrue(text.contains("from another thread to standard error"), text);
    assertFalse(text.contains("after closing"), text);
  }
}
