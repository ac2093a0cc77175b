package org.yousaid.analysis.cli;

/** Benchmark commands; see docs/benchmarks.md. */
final class Benchmarks {
    private Benchmarks() {
    }

    static void run(String[] args) throws Exception {
        throw new UnsupportedOperationException("bench: not yet");
    }
}
