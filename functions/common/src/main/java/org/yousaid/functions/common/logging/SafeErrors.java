package org.yousaid.functions.common.logging;

/**
 * Describes a failure for the logs without its messages: exception messages can quote the input (a
 * JSON parser's error shows the text around the fault), and the input may be someone's answer.
 */
public final class SafeErrors {

  private static final int FRAMES = 6;

  private SafeErrors() {}

  public static String describe(Throwable error) {
    StringBuilder out = new StringBuilder();
    Throwable current = error;
    for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
      if (depth > 0) {
        out.append(" | caused by ");
      }
      out.append(current.getClass().getName());
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
        out.append(i == 0 ? " at " : " < ")
            .append(frames[i].getClassName())
            .append('.')
            .append(frames[i].getMethodName())
            .append(':')
            .append(frames[i].getLineNumber());
      }
    }
    return out.toString();
  }
}
