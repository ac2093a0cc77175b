package org.yousaid.analysis.sharded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines that shards and their results are written in: one object per line, so a reader
 * takes one answer at a time and a shard is readable with any tool.
 */
final class ShardFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer of a shard: its id, original text, and whether its respondent may be quoted. */
  record InputLine(String id, String text, boolean consent) {}

  /**
   * One answer's per-answer work: never its original text. {@code work} is the engine's stored work
   * ({@code AnswerWorkCodec}: tags and offsets, embedding), {@code key} its cache key, {@code
   * redacted} the text safe to publish, {@code sentiment} the enum's name or null.
   */
  record WorkLine(
      String id,
      String key,
      byte[] work,
      String redacted,
      String sentiment,
      String language,
      boolean nonAnswer) {
    boolean themable() {
      return !nonAnswer && "en".equals(language);
    }
  }

  /** What a run's writer records once every shard is written. */
  record Manifest(int answers, int shards, int shardSize) {}

  private ShardFormat() {}

  static <T> byte[] lines(List<T> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.size() * 256 + 16);
    try (SequenceWriter out = JSON.writer().withRootValueSeparator("\n").writeValues(bytes)) {
      for (T v : values) out.write(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  static <T> List<T> read(byte[] lines, Class<T> type) {
    List<T> out = new ArrayList<>();
    try (var values = JSON.readerFor(type).<T>readValues(lines)) {
      while (values.hasNext()) out.add(values.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T fromJson(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
