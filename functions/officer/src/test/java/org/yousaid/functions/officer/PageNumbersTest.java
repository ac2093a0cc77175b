package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ?page= on the responses page: never an error, never an empty page when there are answers. */
class PageNumbersTest {

  private static final List<Integer> ITEMS = IntStream.rangeClosed(1, 120).boxed().toList();

  @Test
  void splitsIntoPagesOf50() {
    PageNumbers first = PageNumbers.of(Optional.empty(), 120, 50);
    assertEquals(1, first.page());
    assertEquals(3, first.pages());
    assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), first.of(ITEMS));
    PageNumbers last = PageNumbers.of(Optional.of("3"), 120, 50);
    assertEquals(IntStream.rangeClosed(101, 120).boxed().toList(), last.of(ITEMS));
    assertEquals(2, PageNumbers.of(Optional.empty(), 100, 50).pages(), "exactly two pages");
    assertEquals(3, PageNumbers.of(Optional.empty(), 101, 50).pages());
  }

  @Test
  void anOutOfRangeOrMeaninglessPageLandsOnARealOne() {
    assertEquals(3, PageNumbers.of(Optional.of("99"), 120, 50).page(), "past the end: the last");
    assertEquals(1, PageNumbers.of(Optional.of("0"), 120, 50).page());
    assertEquals(1, PageNumbers.of(Optional.of("-4"), 120, 50).page());
    for (String junk : List.of("", "two", "1.5", "99999999999", "<script>")) {
      assertEquals(1, PageNumbers.of(Optional.of(junk), 120, 50).page(), junk);
    }
  }

  @Test
  void noItemsIsOneEmptyPage() {
    PageNumbers none = PageNumbers.of(Optional.of("7"), 0, 50);
    assertEquals(1, none.page());
    assertEquals(1, none.pages());
    assertEquals(List.of(), none.of(List.of()));
  }
}
