package org.yousaid.functions.officer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yousaid.shared.json.Json;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.submission.ProblemException;

/**
 * Paging of the officer responses API: responses oldest first (by id), at most {@code limit} a page
 * and never past {@code pageBytes}, starting after the response id {@code after}. A page's {@code
 * next} is the {@code ?after=} of the following page; answers that arrive meanwhile have later ids,
 * so they come on later pages and paging never skips one.
 */
record ApiPaging(int limit, String after) {

  /** The most responses one call returns ({@code ?limit=}, 1 to this). */
  static final int MAX_LIMIT = 1000;

  /**
   * A page stops before its responses pass this size: Lambda returns at most 6 MB, a big
   * consultation far more.
   */
  static final int PAGE_BYTES = 4 * 1024 * 1024;

  /** Response ids are ULIDs (Crockford base 32). */
  private static final Pattern RESPONSE_ID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  /** One page: its responses, and {@code next} when more remain (else null). */
  record Page(List<OfficerResponseView> responses, String next) {}

  /** Reads {@code ?limit=} and {@code ?after=}; 400 for a value that cannot be right. */
  static ApiPaging from(Optional<String> limit, Optional<String> after) {
    int size = limit.map(ApiPaging::parseLimit).orElse(MAX_LIMIT);
    String start = after.filter(v -> !v.isBlank()).orElse(null);
    if (start != null && !RESPONSE_ID.matcher(start).matches()) {
      throw ProblemException.badRequest(
          "\"after\" must be the \"next\" value of the previous page.");
    }
    return new ApiPaging(size, start);
  }

  Page page(List<Response> matching) {
    return page(matching, PAGE_BYTES);
  }

  /** The page of {@code matching} (in any order) this paging asks for. */
  Page page(List<Response> matching, long pageBytes) {
    List<OfficerResponseView> page = new ArrayList<>();
    long bytes = 0;
    for (Response response :
        matching.stream().sorted(Comparator.comparing(Response::id)).toList()) {
      if (after != null && response.id().compareTo(after) <= 0) {
        continue;
      }
      OfficerResponseView view = OfficerResponseView.of(response);
      long size = Json.write(view).getBytes(StandardCharsets.UTF_8).length;
      // A single response bigger than a page still goes out, alone, so paging always moves on.
      if (page.size() == limit || (!page.isEmpty() && bytes + size > pageBytes)) {
        return new Page(page, page.get(page.size() - 1).id());
      }
      page.add(view);
      bytes += size;
    }
    return new Page(page, null);
  }

  private static int parseLimit(String value) {
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest(
        "\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ".");
  }
}
