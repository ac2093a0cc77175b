package org.yousaid.analysis.sentiment;

import org.yousaid.analysis.Sentiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads SST PTB-format trees (one per line) into sentences with their root label collapsed to 3 classes. */
public final class SstReader {
    private static final Pattern LEAF = Pattern.compile("\\(\\d ([^()\\s]+)\\)");

    public record Example(String sentence, int fineLabel, String tree) {
        /** 0-1 negative, 2 neutral, 3-4 positive: the usual 3-class collapse. */
        public Sentiment sentiment() {
            return fineLabel <= 1 ? Sentiment.NEGATIVE : fineLabel == 2 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
        }
    }

    public static List<Example> read(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            line = line.strip();
            if (line.isEmpty()) continue;
            int label = line.charAt(1) - '0';
            StringBuilder s = new StringBuilder();
            for (Matcher m = LEAF.matcher(line); m.find(); ) {
                if (s.length() > 0) s.append(' ');
                s.append(m.group(1).replace("-LRB-", "(").replace("-RRB-", ")"));
            }
            out.add(new Example(s.toString(), label, line));
        }
        return out;
    }
}
