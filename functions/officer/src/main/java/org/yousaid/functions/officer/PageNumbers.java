package org.yousaid.functions.officer;

import java.util.List;
import java.util.Optional;

/**
 * Which page of a long list to show for {@code ?page=}: a number that is not one shows the first
 * page, one past the end shows the last, so an old link still lands somewhere useful.
 *
 * @param page the page shown, from 1
 * @param pages how many pages there are; at least 1, even for an empty list
 */
record PageNumbers(int page, int pages, int perPage) {

  static PageNumbers of(Optional<String> requested, int items, int perPage) {
    int pages = Math.max(1, (items + perPage - 1) / perPage);
    int page = Math.max(1, requested.map(PageNumbers::parse).orElse(1));
    return new PageNumbers(Math.min(page, pages), pages, perPage);
  }

  /** The items on the page shown. */
  <T> List<T> of(List<T> all) {
    return all.subList((page - 1) * perPage, Math.min(all.size(), page * perPage));
  }

  private static int parse(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
