package org.yousaid.shared.themes;

/** Where one question's analysis is: officers see this while the worker runs. */
public enum AnalysisStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED
}
