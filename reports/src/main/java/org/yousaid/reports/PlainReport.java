package org.yousaid.reports;

import java.util.List;

/**
 * A report made only of headings, paragraphs and quotes, for documents that are not a
 * consultation's summary (the annual Local Offer feedback report). {@link PlainReportExport} writes
 * it as Word and as tagged PDF/UA-1, with the same heading levels: the title is heading 1, each
 * section heading 2, each block heading heading 3.
 *
 * @param author the council, written into the document's metadata
 */
public record PlainReport(String title, String author, List<String> intro, List<Section> sections) {

  public PlainReport {
    intro = List.copyOf(intro);
    sections = List.copyOf(sections);
  }

  /** A heading-2 section. */
  public record Section(String heading, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** One block of a section. */
  public record Block(Kind kind, String text) {

    public static Block heading(String text) {
      return new Block(Kind.HEADING, text);
    }

    public static Block paragraph(String text) {
      return new Block(Kind.PARAGRAPH, text);
    }

    public static Block quote(String text) {
      return new Block(Kind.QUOTE, text);
    }
  }

  public enum Kind {
    HEADING,
    PARAGRAPH,
    QUOTE
  }
}
