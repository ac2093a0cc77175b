package org.yousaid.analysis;

import java.util.List;

/**
 * One theme of a question's answers, in the shape councils publish: label, exemplar answer and "N
 * other answers support this answer".
 *
 * @param memberIds every answer in the theme (an answer may be in several themes)
 * @param count memberIds.size()
 * @param share count / number of themed answers
 * @param exemplarId the member answer closest to the theme's centre
 * @param othersSupport count - 1: the "N other answers support this answer" figure
 * @param nearDuplicates members that are near-copies of another answer (campaign responses)
 * @param other true for the catch-all bucket of answers that fit no theme
 */
public record Theme(
    String id,
    String label,
    String description,
    List<String> keyTerms,
    List<String> memberIds,
    int count,
    double share,
    SentimentSplit sentiment,
    String exemplarId,
    int othersSupport,
    int nearDuplicates,
    boolean other) {}
