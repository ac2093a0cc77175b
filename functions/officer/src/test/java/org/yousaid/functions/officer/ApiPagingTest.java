package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.submission.ProblemException;

/** The officer API's ?limit= and ?after= and its pages bounded by count and by bytes. */
class ApiPagingTest {

  @Test
  void limitIsAWholeNumberFrom1To1000AndDefaultsToTheMost() {
    assertEquals(ApiPaging.MAX_LIMIT, ApiPaging.from(Optional.empty(), Optional.empty()).limit());
    assertEquals(1, paging("1").limit());
    assertEquals(1000, paging("1000").limit());
    assertEquals(25, paging(" 25 ").limit(), "spaces around the number are fine");
    for (String bad : List.of("0", "-1", "1001", "2147483648", "ten", "", "2.5", "1e3")) {
      ProblemException refused = assertThrows(ProblemException.class, () -> paging(bad), bad);
      assertEquals(400, refused.status(), bad);
      assertEquals("\"limit\" must be a whole number from 1 to 1000.", refused.detail());
    }
  }

  @Test
  void afterMustBeAResponseIdAndBlankMeansFromTheStart() {
    String id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    assertEquals(id, ApiPaging.from(Optional.empty(), Optional.of(id)).after());
    assertNull(ApiPaging.from(Optional.empty(), Optional.of("  ")).after());
    for (String bad :
        List.of(
            "01ARZ3NDEKTSV4RRFFQ69G5FA",
            "01ARZ3NDEKTSV4RRFFQ69G5FAVX",
            "01ARZ3NDEKTSV4RRFFQ69G5FAU",
            "01arz3ndektsv4rrffq69g5fav",
            "R#01ARZ3NDEKTSV4RRFFQ69G5FAV",
            "01ARZ3NDEKTSV4RRFFQ69G5FA' OR '1'='1")) {
      ProblemException refused =
          assertThrows(
              ProblemException.class, () -> ApiPaging.from(Optional.empty(), Optional.of(bad)));
      assertEquals(400, refused.status(), bad);
      assertEquals("\"after\" must be the \"next\" value of the previous page.", refused.detail());
    }
    ProblemException both =
        assertThrows(
            ProblemException.class,
            () -> ApiPaging.from(Optional.of("0"), Optional.of("not-an-id")));
    assertTrue(both.detail().contains("limit"), "the limit is checked first, as before");
  }

  @Test
  void pagesWalkEveryResponseOnceOldestFirstWhateverTheOrderGiven() {
    List<Response> all = responses(23, 10);
    List<Response> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(3));
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      ApiPaging.Page page =
          ApiPaging.from(Optional.of("5"), Optional.ofNullable(after)).page(shuffled);
      page.responses().forEach(r -> seen.add(r.id()));
      assertTrue(page.responses().size() <= 5);
      after = page.next();
      if (after != null) {
        assertEquals(page.responses().get(page.responses().size() - 1).id(), after);
      }
      pages++;
    } while (after != null);
    assertEquals(all.stream().map(Response::id).toList(), seen);
    assertEquals(5, pages, "23 responses, 5 a page");
  }

  @Test
  void aFullLastPageHasNoNextAndAnEmptyListGivesOneEmptyPage() {
    List<Response> all = responses(10, 10);
    ApiPaging.Page first = ApiPaging.from(Optional.of("10"), Optional.empty()).page(all);
    assertEquals(10, first.responses().size());
    assertNull(first.next(), "nothing remains, so no next page to ask for");
    ApiPaging.Page empty = ApiPaging.from(Optional.empty(), Optional.empty()).page(List.of());
    assertEquals(List.of(), empty.responses());
    assertNull(empty.next());
  }

  @Test
  void aPageStopsBeforeItPassesItsSizeButAlwaysTakesOneResponse() {
    List<Response> all = responses(6, 1000);
    long one = org.yousaid.shared.json.Json.write(OfficerResponseView.of(all.get(0))).length();
    ApiPaging paging = ApiPaging.from(Optional.empty(), Optional.empty());
    ApiPaging.Page page = paging.page(all, one * 2 + one / 2);
    assertEquals(2, page.responses().size(), "two fit, the third would pass the size");
    assertEquals(all.get(1).id(), page.next());
    ApiPaging.Page tiny = paging.page(all, 10);
    assertEquals(1, tiny.responses().size(), "one response bigger than a page still goes out");
    assertEquals(all.get(0).id(), tiny.next());
  }

  @Test
  void responsesArrivingDuringPagingComeOnLaterPages() {
    List<Response> all = new ArrayList<>(responses(4, 10));
    ApiPaging.Page first = ApiPaging.from(Optional.of("2"), Optional.empty()).page(all);
    all.addAll(responses(1, 10));
    ApiPaging.Page rest = ApiPaging.from(Optional.empty(), Optional.of(first.next())).page(all);
    assertEquals(3, rest.responses().size(), "the two not yet seen and the newcomer");
  }

  @Test
  void theReceiptCodeNeverLeavesThroughTheApi() {
    ApiPaging.Page page = ApiPaging.from(Optional.empty(), Optional.empty()).page(responses(3, 10));
    String json = org.yousaid.shared.json.Json.write(page.responses());
    assertFalse(json.contains("RECEIPT-SECRET") || json.contains("receipt"), json);
  }

  private static ApiPaging paging(String limit) {
    return ApiPaging.from(Optional.of(limit), Optional.empty());
  }

  /** Responses with increasing ULID ids and answers of {@code length} characters. */
  private static List<Response> responses(int count, int length) {
    List<Response> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          new Response(
              UlidCreator.getMonotonicUlid().toString(),
              "demo",
              "local-offer",
              Instant.parse("2026-03-01T10:00:00Z"),
              Channel.WEB,
              List.of(Answer.text("find-information", "x".repeat(length))),
              RespondentProfile.EMPTY,
              false,
              "RECEIPT-SECRET",
              0,
              null));
    }
    return list;
  }
}
