package org.yousaid.analysis;

import java.util.List;

/**
 * Per-answer result.
 *
 * @param redactedText       text safe to publish (personal data replaced by placeholders); the original is not repeated
 * @param sentiment          null when sentiment was not requested
 * @param themes             primary theme first, then any further themes it clearly also belongs to
 * @param nearDuplicateGroup id shared by near-identical answers (e.g. campaign responses), or null
 * @param nonAnswer          blank or "n/a"-style answers, not themed
 */
public record AnalysedAnswer(String id, String redactedText, Sentiment sentiment, List<ThemeMembership> themes,
                             String nearDuplicateGroup, boolean nonAnswer) {
}
