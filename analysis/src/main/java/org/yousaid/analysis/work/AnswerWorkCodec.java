package org.yousaid.analysis.work;

import edu.stanford.nlp.process.Morphology;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.yousaid.analysis.nlp.Token;
import org.yousaid.analysis.represent.EmbeddingBatches;

/**
 * Encodes {@link AnswerWork} without the answer's words: a token is kept as its character offsets
 * into the normalised text and its tags; the word is read back from the normalised text, which the
 * run has anyway (it is the answer's own text), and the lemma is made again from word and POS tag
 * as CoreNLP's lemma annotator makes it. Only where CoreNLP gave another word or lemma than these
 * (which does not happen with this pipeline's settings) is it kept as it is.
 */
public final class AnswerWorkCodec {
  /**
   * 2 adds the embedding's batch and input (word-piece count and hash); entries of format 1 give
   * their tokens, not their vector.
   */
  private static final byte FORMAT = 2, FORMAT_WITHOUT_BATCH = 1;

  private static final int WORD_DIFFERS = 1, LEMMA_DIFFERS = 2;

  private AnswerWorkCodec() {}

  public static byte[] encode(AnswerWork work, String normalisedText) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeBoolean(work.nonAnswer());
      out.writeUTF(work.language());
      out.writeInt(work.tokens().size());
      for (Token t : work.tokens()) {
        boolean wordDiffers = !t.word().equals(normalisedText.substring(t.begin(), t.end()));
        boolean lemmaDiffers = !t.lemma().equals(lemma(t.word(), t.pos()));
        out.writeByte((wordDiffers ? WORD_DIFFERS : 0) | (lemmaDiffers ? LEMMA_DIFFERS : 0));
        out.writeInt(t.begin());
        out.writeInt(t.end());
        out.writeShort(t.sentence());
        out.writeUTF(t.pos());
        out.writeUTF(t.ner());
        if (wordDiffers) out.writeUTF(t.word());
        if (lemmaDiffers) out.writeUTF(t.lemma());
      }
      float[] v = work.embedding();
      out.writeInt(v == null ? -1 : v.length);
      if (v != null) {
        out.write(work.publishedDigest());
        out.writeLong(work.embeddingBatch());
        EmbeddingBatches.Input input = work.embeddingInput();
        out.writeInt(input == null ? -1 : input.length());
        out.writeLong(input == null ? 0 : input.hash());
        for (float x : v) out.writeFloat(x);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The work stored for the answer whose normalised text is given, or null when the entry is in an
   * older format or does not fit the text (then the answer is simply analysed again).
   */
  public static AnswerWork decode(byte[] stored, String normalisedText) {
    return decode(stored, normalisedText, new HashMap<>());
  }

  /**
   * As {@link #decode(byte[], String)}, with lemmas already made (word and tag to lemma) looked up
   * in, and added to, {@code lemmas}: a re-run decodes every answer, and most words recur.
   */
  public static AnswerWork decode(
      byte[] stored, String normalisedText, Map<String, String> lemmas) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      byte format = in.readByte();
      if (format != FORMAT && format != FORMAT_WITHOUT_BATCH) return null;
      boolean nonAnswer = in.readBoolean();
      String language = in.readUTF();
      int n = in.readInt();
      List<Token> tokens = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int flags = in.readByte();
        int begin = in.readInt(), end = in.readInt();
        int sentence = in.readShort();
        String pos = in.readUTF(), ner = in.readUTF();
        if (begin < 0 || end > normalisedText.length() || begin > end) return null;
        String word =
            (flags & WORD_DIFFERS) != 0 ? in.readUTF() : normalisedText.substring(begin, end);
        String lemma =
            (flags & LEMMA_DIFFERS) != 0
                ? in.readUTF()
                : lemmas.computeIfAbsent(word + '\u0000' + pos, x -> lemma(word, pos));
        tokens.add(new Token(word, lemma, pos, ner, begin, end, sentence));
      }
      int dimension = in.readInt();
      byte[] digest = null;
      float[] embedding = null;
      long batch = 0;
      EmbeddingBatches.Input input = null;
      if (dimension >= 0) {
        digest = in.readNBytes(32);
        if (format == FORMAT_WITHOUT_BATCH)
          return new AnswerWork(nonAnswer, language, tokens, null, null, 0, null);
        batch = in.readLong();
        int length = in.readInt();
        long hash = in.readLong();
        input = length < 0 ? null : new EmbeddingBatches.Input(length, hash);
        embedding = readFloats(in, dimension);
      }
      return new AnswerWork(nonAnswer, language, tokens, digest, embedding, batch, input);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The embedding alone, read without the answer's text (the tokens are skipped): for a step that
   * needs vectors only, such as placing a large question's answers in themes found on a sample.
   * Null when the entry has no embedding or is in an older format.
   */
  public static float[] embeddingOf(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      if (in.readByte() != FORMAT) return null;
      in.readBoolean();
      in.readUTF();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        int flags = in.readByte();
        in.skipNBytes(4 + 4 + 2);
        in.readUTF();
        in.readUTF();
        if ((flags & WORD_DIFFERS) != 0) in.readUTF();
        if ((flags & LEMMA_DIFFERS) != 0) in.readUTF();
      }
      int dimension = in.readInt();
      if (dimension < 0) return null;
      in.skipNBytes(32 + 8 + 4 + 8);
      return readFloats(in, dimension);
    } catch (IOException e) {
      return null;
    }
  }

  /** Floats as {@link DataOutputStream#writeFloat} wrote them, in one read rather than 4 each. */
  private static float[] readFloats(DataInputStream in, int count) throws IOException {
    byte[] raw = new byte[4 * count];
    in.readFully(raw);
    float[] out = new float[count];
    ByteBuffer.wrap(raw).asFloatBuffer().get(out); // big-endian, as DataOutputStream writes
    return out;
  }

  /** CoreNLP's lemma annotator's rule: the Morpha lemma of the word under its tag. */
  private static String lemma(String word, String pos) {
    Morphology m = MORPHA.get();
    return pos.isEmpty() ? m.stem(word) : m.lemma(word, pos);
  }

  /** Morpha keeps state while it works: one per thread, as the annotator has one per pipeline. */
  private static final ThreadLocal<Morphology> MORPHA = ThreadLocal.withInitial(Morphology::new);

  /** The entry key of a text under a pipeline version: hex SHA-256, so no text is in a key. */
  public static String key(String pipelineVersion, String text) {
    return HexFormat.of()
        .formatHex(sha256(pipelineVersion + "\u0000" + (text == null ? "" : text)));
  }

  public static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
