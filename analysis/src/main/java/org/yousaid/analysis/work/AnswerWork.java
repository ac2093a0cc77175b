package org.yousaid.analysis.work;

import java.util.List;
import org.yousaid.analysis.nlp.Token;
import org.yousaid.analysis.represent.EmbeddingBatches;

/**
 * What the per-answer stages found in one answer, as far as it is worth keeping: everything else
 * (normalised text, redaction, sentiment) is recomputed from the answer's text in milliseconds.
 *
 * @param nonAnswer blank or "n/a"-style
 * @param language "en" or the language check's guess
 * @param tokens CoreNLP's tokens of the normalised text
 * @param publishedDigest SHA-256 of the text the embedding was made from (the redacted text), so
 *     that a change in redaction rules is noticed and the answer embedded afresh; null without an
 *     embedding
 * @param embedding unit sentence embedding; null for answers that are not themed
 * @param embeddingBatch the identity of the ONNX batch the embedding was computed in: the int8
 *     model's vectors depend on their batch, so a kept vector is reused only where a run batches it
 *     the same way; 0 when unknown (never reused)
 * @param embeddingInput the count and hash of the word pieces the embedding was made from, so that
 *     a re-run need not tokenise the text again to plan its batches; null without an embedding
 */
public record AnswerWork(
    boolean nonAnswer,
    String language,
    List<Token> tokens,
    byte[] publishedDigest,
    float[] embedding,
    long embeddingBatch,
    EmbeddingBatches.Input embeddingInput) {}
